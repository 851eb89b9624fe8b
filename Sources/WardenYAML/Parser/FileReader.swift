#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with POSIX calls, refusing to read more than a limit.
enum FileReader {
    /// The file's bytes; `file-too-large` once more than `maxBytes` bytes are seen (regular files
    /// are refused from their size alone), `unreadable-file` with the system's reason otherwise.
    static func readAll(path: String, maxBytes: Int) throws(YAMLError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw unreadable(path) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > maxBytes {
            throw YAMLParser.tooLarge(file: path, limit: maxBytes)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let room = min(chunk.count, maxBytes + 1 - bytes.count)
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, room) }
            if got < 0 {
                if errno == EINTR { continue }
                throw unreadable(path)
            }
            if got == 0 { return bytes }
            bytes.append(contentsOf: chunk.prefix(got))
            if bytes.count > maxBytes { throw YAMLParser.tooLarge(file: path, limit: maxBytes) }
        }
    }

    private static func unreadable(_ path: String) -> YAMLError {
        let reason = String(cString: strerror(errno))
        let lowered = reason.prefix(1).lowercased() + reason.dropFirst()
        return YAMLError(
            code: .unreadableFile, mark: Mark(file: path, line: 1, column: 1),
            message: "cannot read `\(path)`: \(lowered)",
            hint: "check that the path exists, is a file and is readable")
    }
}
