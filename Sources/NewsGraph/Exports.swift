@_exported import EntityRecognition
@_exported import GraphExport
@_exported import GraphStore
@_exported import KnowledgeGraph
@_exported import RelationExtraction
