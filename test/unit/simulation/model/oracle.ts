/** Moved to simulation/validation/ (the validate command uses it too). */
export * from '../../../../simulation/validation/oracle';
