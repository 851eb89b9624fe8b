import Foundation
import WardenValue
import WardenYAML

/// The OpenAPI 3.1 document of the service: `schemas/openapi.yaml` in the repository, bundled as
/// a resource and served as JSON at `GET /openapi.json`.
public enum OpenAPIDocument {
    /// The document as a value, read once; `nil` when the resource is missing from the build or
    /// does not parse.
    public static let bundled: Value? = ServiceResources.locate("openapi/openapi.yaml").flatMap { try? load($0.path) }

    /// Reads the YAML document at `path`.
    /// - Throws: ``YAMLError`` when it does not parse, or holds other than one document.
    public static func load(_ path: String) throws(YAMLError) -> Value {
        let documents = try YAMLParser().parseFile(at: path)
        guard documents.count == 1 else {
            throw YAMLError(
                code: .invalidValue, mark: Mark(file: path, line: 1, column: 1),
                message: "expected one YAML document, found \(documents.count)",
                hint: "keep the whole API in one document")
        }
        return try documents[0].value
    }

    /// The `(method, path)` pairs the document describes, e.g. `("POST", "/v1/decide")`.
    public static func operations(of document: Value) -> [(method: String, path: String)] {
        guard case .map(let paths)? = document["paths"] else { return [] }
        return paths.flatMap { path, item -> [(method: String, path: String)] in
            guard case .map(let methods) = item else { return [] }
            return methods.keys.filter { ["get", "post", "put", "delete", "patch"].contains($0) }
                .map { ($0.uppercased(), path) }
        }
    }
}
