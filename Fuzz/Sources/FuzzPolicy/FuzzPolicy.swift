import FuzzSupport
import WardenPolicy
import WardenValue
import WardenYAML

/// Requests each loaded set decides: with and without an actor and meta.
let requests = [
    AuthorizationRequest(
        actor: Actor(id: "user:alice", meta: ["role": "admin"]), action: "process.send", resource: "app.cache",
        meta: ["topic": "get"]),
    AuthorizationRequest(actor: nil, action: "process.spawn", resource: "app.workers:handler", meta: [:]),
]

/// One input: a policy file's text. It goes through libyaml, the node tree, policy reading,
/// validation and compilation; a set that loads decides a few requests.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicy(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(fuzzInput: start, count: count), as: UTF8.self)
    _ = try? YAMLParser().parse(bytes: Array(UnsafeRawBufferPointer(fuzzInput: start, count: count)), file: "fuzz.yaml")
    guard let set = PolicyLoader().load(yaml: text, file: "fuzz.yaml").policySet,
        case .success(let scope) = set.resolve(nil)
    else { return 0 }
    for request in requests {
        _ = set.evaluate(request, in: scope)
    }
    return 0
}

/// The entry point: libFuzzer's driver over ``fuzzPolicy(_:_:)``.
@main enum FuzzPolicyMain {
    static func main() { FuzzerDriver.run(fuzzPolicy) }
}
