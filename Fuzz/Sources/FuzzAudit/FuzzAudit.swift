import Foundation
import FuzzSupport
import WardenAuditReview

/// The file each input is written to before it is verified (one per fuzzing process).
let logPath = FileManager.default.temporaryDirectory
    .appendingPathComponent("warden-fuzz-audit-\(ProcessInfo.processInfo.processIdentifier).jsonl").path

/// One input: the bytes of an audit log (seeds hold one record line). The verifier reads it
/// through the canonical scanner and checks the chain; any outcome but a crash is fine.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAudit(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(UnsafeRawBufferPointer(fuzzInput: start, count: count))
    guard FileManager.default.createFile(atPath: logPath, contents: data) else {
        fatalError("cannot write \(logPath)")
    }
    _ = try? AuditVerifier.verify(files: [logPath])
    _ = try? AuditVerifier.verify(files: [logPath], continued: true)
    return 0
}

/// The entry point: libFuzzer's driver over ``fuzzAudit(_:_:)``.
@main enum FuzzAuditMain {
    static func main() { FuzzerDriver.run(fuzzAudit) }
}
