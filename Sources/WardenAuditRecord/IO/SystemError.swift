#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: the operation, the path and `errno`.
package struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The failed operation, e.g. `open`, `write`, `fsync`.
    var operation: String
    /// The `errno` value.
    package var code: Int32

    /// The error of the last failed call.
    package static func last(_ operation: String) -> SystemError {
        SystemError(operation: operation, code: errno)
    }

    /// `open: No such file or directory (errno 2)`.
    package var description: String {
        let reason = String(cString: strerror(code)).lowercased()
        return "\(operation): \(reason) (errno \(code))"
    }

    /// Whether the error is "no space left on device" or "disk quota exceeded".
    package var isOutOfSpace: Bool { code == ENOSPC || code == EDQUOT }
}
