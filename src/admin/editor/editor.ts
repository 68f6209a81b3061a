// The article editor's browser code; see src/admin/editor/README.md.
export {};
