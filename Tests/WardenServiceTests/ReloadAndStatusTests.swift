import Foundation
import Testing
import WardenService
import WardenValue

/// `POST /v1/policies/reload`, `GET /v1/policies`, `/healthz` and `/readyz`.
@Suite("reload and status routes")
struct ReloadAndStatusTests {
    static let allowAll = """
        namespace: t
        entries:
          - name: allow_all
            kind: security.policy
            policy: {actions: "*", resources: "*", effect: allow}

        """
    static let denySend =
        allowAll + """
              - name: deny_send
                kind: security.policy
                policy: {actions: "process.send", resources: "*", effect: deny}

            """
    static let request = #"{"actor": {"id": "u"}, "action": "process.send", "resource": "app.cache"}"#

    @Test func aGoodReloadSwapsTheSetAndABadOneKeepsTheOld() async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = try ServiceClient.write(Self.allowAll, to: "policies.yaml", in: directory)
            let service = try DecisionService(loading: [directory.path])
            let first = try await ServiceClient.send(service, .post, "/v1/decide", body: Self.request)
            #expect(first.json?["decision"] == "allow")

            try ServiceClient.write(Self.denySend, to: "policies.yaml", in: directory)
            let reload = try await ServiceClient.send(service, .post, "/v1/policies/reload")
            #expect(reload.status == 200)
            #expect(reload.json?["ok"] == true)
            let second = try await ServiceClient.send(service, .post, "/v1/decide", body: Self.request)
            #expect(second.json?["decision"] == "deny")
            #expect(second.json?["policies"] == ["t:deny_send"])
            #expect(second.json?["revision"] != first.json?["revision"])

            try "namespace: t\nentries:\n  - name: broken\n    kind: security.policy\n    policy: {effect: maybe}\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            let failed = try await ServiceClient.send(service, .post, "/v1/policies/reload")
            #expect(failed.status == 422)
            #expect(failed.json?["ok"] == false)
            #expect(failed.json?["errors"]?.listValue?.isEmpty == false)
            #expect(failed.json?["revision"] == second.json?["revision"])
            let third = try await ServiceClient.send(service, .post, "/v1/decide", body: Self.request)
            #expect(third.json == second.json, "the old set keeps serving")

            let status = try await ServiceClient.send(service, .get, "/v1/policies")
            #expect(status.json?["revision"] == second.json?["revision"])
            #expect(status.json?["last_reload"]?["ok"] == false)
            #expect(status.json?["last_reload"]?["errors"]?.listValue?.isEmpty == false)
            let ids = (status.json?["policies"]?.listValue ?? []).map { $0["id"] }
            #expect(ids == ["t:allow_all", "t:deny_send"])
            #expect(status.json?["files"]?.listValue?.count == 1)
        }
    }

    @Test func healthAndReadinessAnswer() async throws {
        let service = try DecisionService(loading: [ServiceClient.root.appendingPathComponent("policies").path])
        let answers = try await ServiceClient.send(service, [(.get, "/healthz", nil), (.get, "/readyz", nil)])
        #expect(answers.map(\.status) == [200, 200])
        #expect(answers[1].json?["status"] == "ready")
    }
}

/// `--listen` parsing and the loopback rule.
@Suite("listen address")
struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:8181", true), ("localhost:0", true), ("[::1]:8181", true), ("0.0.0.0:8181", false),
        ("10.0.0.5:80", false), ("127.example.com:80", false),
    ])
    func loopbackIsRecognised(text: String, loopback: Bool) throws {
        #expect(try ServiceListenAddress(parsing: text).isLoopback == loopback)
    }

    @Test(arguments: ["8181", "host:", "host:99999", ":8181"])
    func badAddressesAreRefused(text: String) {
        #expect(throws: ServiceError.self) { try ServiceListenAddress(parsing: text) }
    }

    @Test func serveRefusesANonLoopbackAddressWithoutInsecure() async {
        let policies = ServiceClient.root.appendingPathComponent("policies").path
        let result = await ServiceClient.warden(["serve", "--policies", policies, "--listen", "0.0.0.0:8181"])
        #expect(result.code == 3)
        #expect(result.errors.contains("refusing to listen on `0.0.0.0:8181`"), "\(result.errors)")
    }
}
