// The networks, listed for pickers, from the one list every layer derives from.
export { NETWORKS as NETWORK_LIST } from '@cadence/names';
