import CFuzzerDriver
import Foundation

/// Starts libFuzzer from a fuzz target's `main`, with the process's command line.
public enum FuzzerDriver {
    /// One fuzz input: the bytes and their count; returns 0 (libFuzzer's convention).
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer over `test` (its options and corpus folders come from the command line)
    /// and exits with its status.
    public static func run(_ test: TestOneInput) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes of one fuzz input (empty when libFuzzer passes no data).
    public init(fuzzInput start: UnsafePointer<UInt8>?, count: Int) {
        self =
            start.map { UnsafeRawBufferPointer(start: $0, count: count) }
            ?? UnsafeRawBufferPointer(start: nil, count: 0)
    }
}
