import Foundation
import FuzzSupport
import Logging
import WardenAuditLog
import WardenGateway
import WardenPolicy
import WardenService

/// The policies the service decides with: an allow with a condition and a deny.
let policyText = """
    version: "1.0"
    namespace: app
    entries:
      - name: send
        kind: security.policy
        policy:
          actions: ["process.send", "process.spawn*"]
          resources: "*"
          effect: allow
          conditions:
            - field: actor.meta.role
              operator: eq
              value: admin
        groups: [admins]
      - name: no_terminate
        kind: security.policy
        policy:
          actions: "process.terminate"
          resources: "*"
          effect: deny
    """

/// The service under test, with an audit log in a temporary folder so `authorize` runs.
let service: DecisionService = {
    guard let set = PolicyLoader().load(yaml: policyText, file: "fuzz.yaml").policySet else {
        fatalError("the fuzz target's policies do not load")
    }
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("warden-fuzz-serve-\(ProcessInfo.processInfo.processIdentifier).jsonl").path
    try? FileManager.default.removeItem(atPath: path)
    let sink: JSONLFileSink
    do {
        sink = try JSONLFileSink(path: path)
    } catch {
        fatalError("cannot open the audit log \(path): \(error)")
    }
    let audit = AuditLog(
        node: "fuzz", sink: sink, mode: .async, failurePolicy: .failClosed, logger: Logger(label: "fuzz"))
    return DecisionService(store: PolicyStore(set), files: ["fuzz.yaml"], audit: audit)
}()

/// Runs `authorize` (async) to completion from the fuzzer's synchronous callback.
func authorize(_ body: [UInt8]) {
    let done = DispatchSemaphore(value: 0)
    Task {
        _ = try? await service.authorize(body)
        done.signal()
    }
    done.wait()
}

/// One input: a request body, given to each endpoint's decoding and answer as `warden serve`
/// does after HTTP: decide (with and without explain), check and authorize.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzServe(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let body = Array(UnsafeRawBufferPointer(fuzzInput: start, count: count))
    _ = try? service.decide(body, explain: false)
    _ = try? service.decide(body, explain: true)
    _ = try? service.check(body)
    authorize(body)
    return 0
}

/// The entry point: libFuzzer's driver over ``fuzzServe(_:_:)``.
@main enum FuzzServeMain {
    static func main() { FuzzerDriver.run(fuzzServe) }
}
