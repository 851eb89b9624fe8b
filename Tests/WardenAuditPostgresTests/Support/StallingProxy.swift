import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A TCP proxy on a loopback port in front of a PostgreSQL server (its unix socket or TCP port)
/// that can stop forwarding, as a stalled network would: while stalled, it accepts connections
/// (the kernel completes the handshake) but moves no byte in either direction; it resumes where
/// it stopped.
///
/// `@unchecked Sendable`: the file descriptors are set once in `init`; everything that changes
/// (`stalled`, `closed`, the open connections) is an `Atomic` or behind a `Mutex`.
final class StallingProxy: @unchecked Sendable {
    /// Where the proxy forwards to.
    enum Upstream: Sendable {
        case unixSocket(path: String)
        case tcp(host: String, port: Int)
    }

    /// The loopback port it listens on.
    let port: Int
    private let listener: Int32
    private let upstream: Upstream
    private let stalled = Atomic<Bool>(false)
    private let closed = Atomic<Bool>(false)
    private let connections = Mutex<Set<Int32>>([])

    init(upstream: Upstream) throws {
        self.upstream = upstream
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw Failure("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw Failure("cannot listen on 127.0.0.1: errno \(errno)")
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Stops moving bytes.
    func stall() { stalled.store(true, ordering: .relaxed) }

    /// Moves bytes again.
    func resume() { stalled.store(false, ordering: .relaxed) }

    /// Stops listening and cuts every connection (the threads end within 50 ms).
    func shutdownAll() {
        guard !closed.exchange(true, ordering: .relaxed) else { return }
        connections.withLock { fds in for fd in fds { _ = Glibc.shutdown(fd, Int32(SHUT_RDWR)) } }
    }

    private func acceptLoop() {
        while !closed.load(ordering: .relaxed) {
            guard wait(readable: listener) else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            guard let server = connectUpstream() else {
                close(client)
                continue
            }
            let pair = Pair(client: client, server: server)
            connections.withLock { $0.formUnion([client, server]) }
            Thread { [self] in pump(from: client, to: server, pair) }.start()
            Thread { [self] in pump(from: server, to: client, pair) }.start()
        }
        close(listener)
    }

    /// Copies bytes from one side to the other while not stalled; when either side ends, both are
    /// shut down, and the second pump to stop closes them.
    private func pump(from source: Int32, to destination: Int32, _ pair: Pair) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        copying: while !closed.load(ordering: .relaxed) {
            if stalled.load(ordering: .relaxed) {
                usleep(5000)
                continue
            }
            guard wait(readable: source) else { continue }
            if stalled.load(ordering: .relaxed) { continue }
            let count = read(source, &buffer, buffer.count)
            guard count > 0 else { break }
            var sent = 0
            while sent < count {
                let written = buffer.withUnsafeBytes { write(destination, $0.baseAddress! + sent, count - sent) }
                guard written > 0 else { break copying }
                sent += written
            }
        }
        _ = Glibc.shutdown(source, Int32(SHUT_RDWR))
        _ = Glibc.shutdown(destination, Int32(SHUT_RDWR))
        if pair.stopped.add(1, ordering: .relaxed).newValue == 2 {
            connections.withLock { $0.subtract([pair.client, pair.server]) }
            close(pair.client)
            close(pair.server)
        }
    }

    /// Whether `fd` is readable within 50 ms.
    private func wait(readable fd: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 50) > 0
    }

    private func connectUpstream() -> Int32? {
        switch upstream {
        case .unixSocket(let path):
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return nil }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
                close(fd)
                return nil
            }
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (index, byte) in bytes.enumerated() { raw[index] = byte }
            }
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard connected == 0 else {
                close(fd)
                return nil
            }
            return fd
        case .tcp(let host, let port):
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var found: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else { return nil }
            defer { freeaddrinfo(found) }
            let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
            guard fd >= 0 else { return nil }
            guard connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
                close(fd)
                return nil
            }
            return fd
        }
    }

    /// The two sockets of one proxied connection.
    private final class Pair: Sendable {
        let client: Int32
        let server: Int32
        let stopped = Atomic<Int>(0)

        init(client: Int32, server: Int32) {
            self.client = client
            self.server = server
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
