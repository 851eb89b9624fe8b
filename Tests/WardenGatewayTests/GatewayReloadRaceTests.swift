import Testing
import WardenGateway
import WardenPolicy
import WardenRuntime
import WardenValue

/// Many processes calling through the gateway while the policy set is reloaded: every call is
/// decided by one snapshot and recorded once, in order per caller, and a reload takes effect for
/// the next call on every thread.
@Suite("gateway under reloads", .timeLimit(.minutes(5)))
struct GatewayReloadRaceTests {
    static let processes = 8
    static let callsPerProcess = 150

    static func caller(_ index: Int) -> Caller {
        Caller(
            pid: PID(host: "app:processes", counter: UInt64(100 + index)), frame: "f\(index)",
            definition: "app:supervisor",
            security: SecurityContext(actor: GatewayHarness.actor, scope: SecurityScope(groups: ["t:all"])))
    }

    @Test(
        "sends from many processes during reloads: one record per call whose decision matches its revision and the caller's result"
    )
    func sendsDuringReloads() async throws {
        let harness = try GatewayHarness(policies: policies(), mode: .async)
        let allowing = harness.store.snapshot
        let denying = try PolicyLoader().load(
            yaml: policies(denying: [("process.send", "*")]), file: "deny.yaml"
        ).get()
        let gateway = harness.gateway
        let store = harness.store
        let results = await withTaskGroup(of: (Int, [Bool]).self) { group in
            group.addTask {
                for i in 0..<300 {
                    store.replace(with: i % 2 == 0 ? denying : allowing)
                    await Task.yield()
                }
                return (-1, [])
            }
            for index in 0..<Self.processes {
                group.addTask {
                    var allowed: [Bool] = []
                    for _ in 0..<Self.callsPerProcess {
                        do throws(ProcessError) {
                            try await gateway.send(
                                .pid(GatewayHarness.targetPID), topic: "job", payload: [], caller: Self.caller(index))
                            allowed.append(true)
                        } catch {
                            #expect(error.kind == .permissionDenied)
                            allowed.append(false)
                        }
                    }
                    return (index, allowed)
                }
            }
            return await group.reduce(into: [Int: [Bool]]()) { if $1.0 >= 0 { $0[$1.0] = $1.1 } }
        }
        let records = try await harness.records()
        #expect(records.count == Self.processes * Self.callsPerProcess)
        for record in records {
            let revision = record["policy_revision"]?.stringValue
            let decision = record["decision"]?.stringValue
            #expect(revision == allowing.revision || revision == denying.revision)
            #expect(decision == (revision == allowing.revision ? "allow" : "deny"))
        }
        for index in 0..<Self.processes {
            let pid = Self.caller(index).pid.description
            let recorded = records.filter { $0["caller"]?["pid"]?.stringValue == pid }.map {
                $0["decision"]?.stringValue == "allow"
            }
            #expect(recorded == results[index])
        }
        #expect(harness.runtime.calls(.send).count == results.values.joined().filter { $0 }.count)
    }

    @Test("after a reload returns, the next call of every process is decided by the new set")
    func reloadTakesEffectForTheNextCall() async throws {
        let harness = try GatewayHarness(policies: policies(), mode: .async)
        let gateway = harness.gateway
        // Warm every thread's snapshot with the allowing set.
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<32 {
                group.addTask {
                    try? await gateway.send(
                        .pid(GatewayHarness.targetPID), topic: "job", payload: [], caller: Self.caller(index))
                }
            }
        }
        harness.store.replace(
            with: try PolicyLoader().load(yaml: policies(denying: [("process.send", "*")]), file: "deny.yaml").get())
        let allowedAfter = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<32 {
                group.addTask {
                    do {
                        try await gateway.send(
                            .pid(GatewayHarness.targetPID), topic: "job", payload: [], caller: Self.caller(index))
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(allowedAfter == 0)
    }
}
