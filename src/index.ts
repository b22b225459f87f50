// Public API of the podlint package. Stages add their exports here.
export {};
