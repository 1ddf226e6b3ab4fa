resource "alicloud_key_pair" "default" {
  key_pair_name = "terraform-example"
  public_key    = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH me@host"
}
