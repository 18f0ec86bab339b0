import { createContext, useContext } from 'react';

/**
 * How nodes rename what they show. Passed by context rather than in each
 * node's data, so node data stays plain values and a node re-renders only
 * when what it shows changes.
 */
export const RenameContext = createContext<(key: string, name: string) => void>(() => undefined);

export const useRename = () => useContext(RenameContext);
