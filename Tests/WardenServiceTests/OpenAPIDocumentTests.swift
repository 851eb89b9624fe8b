import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WardenService
import WardenValue

/// `schemas/openapi.yaml` describes exactly the routes the service has, and is what
/// `GET /openapi.json` serves.
@Suite("the OpenAPI document")
struct OpenAPIDocumentTests {
    static let repositoryFile = ServiceClient.root.appendingPathComponent("schemas/openapi.yaml").path

    /// Hummingbird writes a capture as `{name}` or `:name`; OpenAPI as `{name}`.
    static func openAPIPath(_ routerPath: String) -> String {
        routerPath.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
        }.joined(separator: "/")
    }

    @Test("every route of the router is documented, and every documented operation is a route")
    func documentMatchesTheRoutes() throws {
        let document = try OpenAPIDocument.load(Self.repositoryFile)
        #expect(document["openapi"] == .string("3.1.0"))
        let documented = Set(OpenAPIDocument.operations(of: document).map { "\($0.method) \($0.path)" })
        let service = try DecisionService(loading: [ServiceClient.root.appendingPathComponent("policies").path])
        let routes = Set(
            ServiceRoutes.router(service).routes.map {
                "\($0.method.rawValue) \(Self.openAPIPath($0.path.description))"
            })
        #expect(routes.count >= 15)
        #expect(
            routes.subtracting(documented).isEmpty,
            "routes without documentation: \(routes.subtracting(documented).sorted())")
        #expect(
            documented.subtracting(routes).isEmpty,
            "documented but not served: \(documented.subtracting(routes).sorted())")
    }

    @Test("every operation has an id, a summary and responses, and every $ref resolves")
    func operationsAreComplete() throws {
        let document = try OpenAPIDocument.load(Self.repositoryFile)
        guard case .map(let paths)? = document["paths"] else {
            Issue.record("no paths")
            return
        }
        var ids: Set<String> = []
        for (path, item) in paths {
            guard case .map(let methods) = item else { continue }
            for (method, operation) in methods {
                guard case .string(let id)? = operation["operationId"] else {
                    Issue.record("\(method) \(path) has no operationId")
                    continue
                }
                #expect(ids.insert(id).inserted, "operationId \(id) is used twice")
                #expect(operation["summary"] != nil, "\(id) has no summary")
                guard case .map(let responses)? = operation["responses"] else {
                    Issue.record("\(id) has no responses")
                    continue
                }
                #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(id) has no success response")
            }
        }
        for reference in Self.references(in: document) {
            let parts = reference.dropFirst(2).split(separator: "/").map(String.init)
            #expect(reference.hasPrefix("#/"), "external reference \(reference)")
            var node: Value? = document
            for part in parts { node = node?[part] }
            #expect(node != nil, "\(reference) does not resolve")
        }
    }

    @Test("GET /openapi.json serves the repository's document as JSON")
    func servedDocumentIsTheRepositoryFile() async throws {
        let expected = try OpenAPIDocument.load(Self.repositoryFile)
        let service = try DecisionService(loading: [ServiceClient.root.appendingPathComponent("policies").path])
        let application = Application(router: ServiceRoutes.router(service))
        try await application.test(.router) { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let served = try Value(jsonBytes: Array(response.body.readableBytesView))
            #expect(served == expected)
        }
    }

    /// Every `$ref` string in `value`.
    static func references(in value: Value) -> [String] {
        switch value {
        case .map(let members):
            members.flatMap { key, member -> [String] in
                if key == "$ref", case .string(let reference) = member { return [reference] }
                return references(in: member)
            }
        case .list(let items): items.flatMap(references(in:))
        default: []
        }
    }
}
