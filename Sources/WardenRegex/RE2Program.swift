import CRE2

/// Owns one compiled RE2 program and frees it when the last reference goes.
///
/// `@unchecked Sendable` is safe: the pointer is set once in `init` and never changed, RE2
/// documents a compiled `RE2` object as immutable and safe for concurrent matching from any
/// number of threads (its lazily built DFA caches are guarded inside RE2), and the program is
/// freed only in `deinit`, when no other reference can be matching.
final class RE2Program: @unchecked Sendable {
    private let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        cre2_free(handle)
    }

    /// Compiles `pattern` with RE2 (UTF-8, errors not logged, `memoryLimit` bytes at most).
    static func compile(_ pattern: String, memoryLimit: Int) -> Result<RE2Program, RegularExpressionError> {
        var text = pattern
        let built: OpaquePointer? = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cre2_compile(chars.baseAddress, chars.count, Int64(memoryLimit))
            }
        }
        guard let handle = built else {
            return .failure(RegularExpressionError(pattern: pattern, reason: "out of memory"))
        }
        let program = RE2Program(handle: handle)
        guard cre2_ok(handle) == 1 else {
            let reason = cre2_error(handle).map { String(cString: $0) } ?? ""
            return .failure(
                RegularExpressionError(pattern: pattern, reason: reason.isEmpty ? "rejected by RE2" : reason))
        }
        return .success(program)
    }

    /// Whether the program matches anywhere in `subject`; `nil` when RE2 could not answer.
    func partialMatch(_ subject: String) -> Bool? {
        var text = subject
        let answer = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cre2_partial_match(handle, chars.baseAddress, chars.count)
            }
        }
        switch answer {
        case 1: return true
        case 0: return false
        default: return nil
        }
    }
}
