// The library's front. `import NewsGraph` gives a client this module's declarations (articles,
// the extractor, the store builder, reports) and the pipeline modules below, re-exported whole.
//
// Re-exported whole rather than type by type (`@_exported import struct KnowledgeGraph.Graph`):
// what a client sees of each module is decided in the module itself, by access level. Its front
// is `public`: the model (Entity, EntityType, Relation, RelationType, Evidence, Graph,
// GraphFilter), the store's open, add, query and correct API with its result types, and the
// export formats (ExportFormat, ExportedGraph, ExportError, GraphvizRenderer.Layout). Everything
// another module of the package needs but a client does not (tokens, lexicons, the recognizer and
// the relation extractor, the writers behind ExportFormat, name folding) is `package`: visible to
// this package's modules, executables and tests, which also `import NewsGraph`, and to no one
// else. Type-by-type re-exports would hide those from the package's own tools too, and would list
// a second time what the access levels already say.
//
// Scripts/count_public_api.sh (run by `make test`) counts the public symbols of this module and
// these five and fails when the count passes its ceiling; the DocC catalog's "Library API"
// article lists the front.
@_exported import EntityRecognition
@_exported import GraphExport
@_exported import GraphStore
@_exported import KnowledgeGraph
@_exported import RelationExtraction
