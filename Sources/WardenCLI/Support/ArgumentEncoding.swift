import Foundation

/// Checks that the command line is UTF-8 before it becomes Swift strings, which would replace an
/// invalid byte with `U+FFFD` and so accept `--meta '{"a":"\xff"}'` as something else.
enum ArgumentEncoding {
    /// The error for the first argument (program name excluded) that is not valid UTF-8, naming
    /// the argument, the option it belongs to and the byte; `nil` when every argument is valid.
    static func problem(in arguments: [[UInt8]]) -> String? {
        for (index, bytes) in arguments.enumerated() {
            guard let (offset, byte) = firstInvalidByte(bytes) else { continue }
            var which = "argument \(index + 1)"
            if index > 0, let option = String(validating: arguments[index - 1], as: UTF8.self), option.hasPrefix("-") {
                which += " (the value of `\(option)`)"
            }
            let hex = String(byte, radix: 16)
            return
                "error: \(which) is not valid UTF-8: byte `\\x\(hex.count == 1 ? "0" + hex : hex)` at offset \(offset)\n"
                + "  hint: pass text as UTF-8; convert it with `iconv -t UTF-8`"
        }
        return nil
    }

    /// The 0-based offset and value of the first byte that is not part of valid UTF-8.
    static func firstInvalidByte(_ bytes: [UInt8]) -> (Int, UInt8)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return (offset, bytes[offset])
            }
        }
    }

    /// The raw bytes of the process's arguments, without the program name.
    static var processArguments: [[UInt8]] {
        (1..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
            return Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
        }
    }
}
