import Foundation
import WardenTestSupport

/// A plain TCP connection to a loopback port, for tests that must control every byte and its
/// timing (a body that trickles in, connections held open and idle).
final class RawConnection: @unchecked Sendable {  // the descriptor never changes; send and recv are thread-safe
    private let socket: Int32

    /// Connects to `127.0.0.1:port`; reads give up after `readTimeout` seconds.
    init(port: Int, readTimeout: Int = 10) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(what: "socket", code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close(socket)
            throw Failure(what: "connect", code: code)
        }
        var timeout = timeval(tv_sec: readTimeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socket) }

    /// Writes `text`; false when the peer has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            == bytes.count
    }

    /// Everything the peer sends until it closes the connection or a read times out, read on a
    /// thread of its own (see `offCooperativePool`).
    func readToEnd() async -> String {
        await readUntilClosed().text
    }

    /// Everything the peer sends, and whether the read ended because the peer closed (or reset)
    /// the connection rather than because a read timed out.
    func readUntilClosed() async -> (text: String, closedByPeer: Bool) {
        await offCooperativePool { [self] in readBlocking() }
    }

    private func readBlocking() -> (text: String, closedByPeer: Bool) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += buffer[..<count]
                continue
            }
            let closed = count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
            return (String(decoding: received, as: UTF8.self), closed)
        }
    }

    /// A failed system call.
    struct Failure: Error {
        var what: String
        var code: Int32
    }
}

extension LiveServer {
    /// The port of ``url``.
    var port: Int { Int(url.split(separator: ":").last ?? "") ?? 0 }
}
