#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path is, from `stat`/`lstat`, without opening it (opening a FIFO could block).
struct FileStatus: Equatable {
    /// The kinds of file the loader tells apart.
    enum Kind: Equatable {
        case regular
        case directory
        case symbolicLink
        /// A FIFO, socket or device; the payload names it for messages (`a named pipe (FIFO)`).
        case special(String)
    }

    /// The kind.
    var kind: Kind
    /// The device and inode, which identify a directory however it is reached.
    var identity: Identity

    /// A file's identity: its device and inode numbers.
    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The status of `path`; with `followingLinks` a symbolic link is resolved (`stat`), else it
    /// is reported as a link (`lstat`).
    /// - Returns: the status, or the `errno` of the failed call.
    static func of(_ path: String, followingLinks: Bool) -> Result<FileStatus, FileStatusError> {
        var info = stat()
        let status = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard status == 0 else { return .failure(FileStatusError(code: errno)) }
        let kind: Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        case S_IFIFO: kind = .special("a named pipe (FIFO)")
        case S_IFSOCK: kind = .special("a socket")
        case S_IFCHR: kind = .special("a character device")
        case S_IFBLK: kind = .special("a block device")
        default: kind = .special("not a regular file")
        }
        return .success(
            FileStatus(kind: kind, identity: Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))))
    }
}

/// Why `stat` failed: the `errno`, with its meaning for messages.
struct FileStatusError: Error, Equatable {
    /// The `errno` value.
    var code: Int32

    /// The path does not exist (or a link points nowhere).
    var isMissing: Bool { code == ENOENT || code == ENOTDIR }

    /// Symbolic links loop (or are nested too deep to resolve).
    var isLoop: Bool { code == ELOOP }

    /// The system's explanation, lowercased (`permission denied`).
    var reason: String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
