import FuzzSupport
import WardenValue

/// One input: its text (invalid UTF-8 replaced) parsed as a strict JSON value; what parses
/// must survive canonical JSON and read back equal. (`FuzzServe` reads the same kind of bytes as requests lines.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(fuzzInput: start, count: count), as: UTF8.self)
    if let value = try? Value(json: text) {
        let canonical = value.canonicalJSON
        guard let again = try? Value(json: canonical), again == value else {
            fatalError("canonical JSON does not read back as the same value: \(canonical)")
        }
    }
    return 0
}

/// The entry point: libFuzzer's driver over ``fuzzJSON(_:_:)``.
@main enum FuzzJSONMain {
    static func main() { FuzzerDriver.run(fuzzJSON) }
}
