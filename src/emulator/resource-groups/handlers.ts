/** Handlers of the resource-groups family, one export per action (`JoinResourceGroup` -> `joinResourceGroup`). */
export { joinResourceGroup } from './join-resource-group.js';
