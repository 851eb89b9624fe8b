import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WardenService
import WardenValue

/// One route of the service and the role the spec's table gives it.
struct GuardedRoute: Sendable, CustomTestStringConvertible {
    var method: HTTPRequest.Method
    var path: String
    var role: ServiceRole
    var body: String?

    var testDescription: String { "\(method) \(path)" }
}

/// The role table of spec/service.md section 2 for the routes this service has.
let guardedRoutes: [GuardedRoute] = [
    GuardedRoute(method: .post, path: "/v1/decide", role: .decide, body: #"{"action": "a", "resource": "r"}"#),
    GuardedRoute(method: .post, path: "/v1/check", role: .decide, body: #"{"call": "register app.x"}"#),
    GuardedRoute(method: .post, path: "/v1/authorize", role: .gateway, body: #"{"op": "send"}"#),
    GuardedRoute(method: .get, path: "/v1/policies", role: .read),
    GuardedRoute(method: .post, path: "/v1/policies/reload", role: .admin),
]

/// A token per role: the token text is the role's name with a suffix.
private func token(_ role: ServiceRole) -> String { "secret-\(role.rawValue)-token" }

private let table = TokenTable(
    entries: ServiceRole.allCases.map { role in
        TokenTable.Entry(
            name: role.rawValue, digest: Array(hexBytes(TokenTable.digest(ofToken: token(role)))), roles: [role])
    })

private func hexBytes(_ hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
        index = next
    }
    return bytes
}

@Suite("Bearer tokens and the role of every route")
struct AccessTests {
    static let policies = ServiceClient.root.appendingPathComponent("policies").path

    /// Sends `route` with `authorization` (or none) to a service with the token table.
    private func send(_ route: GuardedRoute, authorization: String?, access: AccessControl) async throws
        -> ServiceAnswer
    {
        let service = try DecisionService(loading: [Self.policies])
        let application = Application(router: ServiceRoutes.router(service, access: access))
        return try await application.test(.router) { client in
            var headers = HTTPFields()
            if let authorization { headers[.authorization] = authorization }
            return try await client.execute(
                uri: route.path, method: route.method, headers: headers, body: route.body.map { ByteBuffer(string: $0) }
            ) { response in
                ServiceAnswer(status: Int(response.status.code), body: String(buffer: response.body))
            }
        }
    }

    /// Every route with every role's token: the route's own role passes, every other is 403.
    @Test(arguments: guardedRoutes, ServiceRole.allCases)
    func eachRoleReachesOnlyItsRoutes(_ route: GuardedRoute, role: ServiceRole) async throws {
        let access = AccessControl(tokens: table)
        let answer = try await send(route, authorization: "Bearer \(token(role))", access: access)
        if role == route.role {
            #expect(answer.status != 401 && answer.status != 403, "\(answer.body)")
            #expect(access.forbidden == 0)
        } else {
            #expect(answer.status == 403, "\(answer.body)")
            #expect(answer.json?["error"]?["code"] == "forbidden")
            #expect(access.forbidden == 1)
        }
        #expect(access.unauthenticated == 0)
    }

    /// No token, an unknown token, a digest sent as the token, or another scheme: 401, counted.
    @Test(
        arguments: guardedRoutes,
        [
            nil, "Bearer wrong", "Bearer \(TokenTable.digest(ofToken: "secret-admin-token"))",
            "Basic c2VjcmV0LWFkbWluLXRva2Vu", "Bearer ",
        ])
    func withoutAKnownTokenTheAnswerIs401(_ route: GuardedRoute, authorization: String?) async throws {
        let access = AccessControl(tokens: table)
        let answer = try await send(route, authorization: authorization, access: access)
        #expect(answer.status == 401, "\(answer.body)")
        #expect(answer.json?["error"]?["code"] == "unauthenticated")
        #expect(access.unauthenticated == 1)
    }

    /// Health needs no token even when tokens are on.
    @Test(arguments: ["/healthz", "/readyz"])
    func healthIsOpen(path: String) async throws {
        let access = AccessControl(tokens: table)
        let answer = try await send(
            GuardedRoute(method: .get, path: path, role: .read), authorization: nil, access: access)
        #expect(answer.status == 200)
        #expect(access.unauthenticated == 0)
    }

    /// A token file with digests and roles reads back; the digest of a token is that of `sha256sum`.
    @Test func aTokensFileReads() throws {
        // printf %s hello | sha256sum
        let hello = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        #expect(TokenTable.digest(ofToken: "hello") == hello)
        let table = try TokenTable(
            yaml: "tokens:\n  - name: ci\n    sha256: \(hello.uppercased())\n    roles: [decide, read]\n",
            file: "t.yaml")
        #expect(table.entries.count == 1)
        #expect(table.entry(forToken: "hello")?.roles == [.decide, .read])
        #expect(table.entry(forToken: "hell") == nil)
    }

    /// A bad tokens file names the place and the fix.
    @Test(arguments: [
        ("tokens:\n  - sha256: abc\n    roles: [decide]\n", "t.yaml:2:", "64 hex digits"),
        (
            "tokens:\n  - sha256: \(String(repeating: "a", count: 64))\n    roles: [root]\n", "t.yaml:3:",
            "unknown role `root`"
        ),
        ("tokens:\n  - sha256: \(String(repeating: "a", count: 64))\n", "t.yaml:2:", "no `roles`"),
        ("tokens:\n  - digest: x\n", "t.yaml:2:", "unknown key `digest`"),
        ("users: []\n", "t.yaml", "`tokens` list"),
    ])
    func aBadTokensFileIsRefused(text: String, place: String, message: String) {
        #expect {
            try TokenTable(yaml: text, file: "t.yaml")
        } throws: { error in
            let text = (error as? TokenFileError)?.message ?? ""
            return text.contains(place) && text.contains(message)
        }
    }
}
