// Public face of the analysis library.
export * from './types';
export { analyze, AnalysisCache } from './analyze';
export { tokenize } from './tokenize';
export { splitSentences } from './sentences';
export { LineIndex } from './lines';
