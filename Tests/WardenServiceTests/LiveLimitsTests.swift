import Foundation
import Testing
import WardenTestSupport

/// Clients that try to hold the service: a body that trickles in, connections opened and left
/// idle, many clients at once. The built `warden serve` on a loopback port.
@Suite("warden serve against slow and many clients", .serialized, .timeLimit(.minutes(2)))
struct LiveLimitsTests {
    static let policies = ServiceClient.root.appendingPathComponent("policies").path
    static let request =
        #"{"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "process.terminate", "resource": "{app:processes|0x00002}"}"#

    @Test("a body that trickles in is answered 408 at the deadline and its connection closed")
    func aTricklingBodyTimesOut() async throws {
        let server = try await LiveServer(["--policies", Self.policies, "--body-timeout", "1"])
        defer { server.terminate() }
        let connection = try RawConnection(port: server.port)
        connection.send("POST /v1/decide HTTP/1.1\r\nHost: localhost\r\nContent-Length: 200\r\n\r\n{")
        // One byte every 100 ms: the whole body would take 20 s.
        let trickle = Thread {
            var sent = 1
            while sent < 200, connection.send(" ") {
                sent += 1
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        trickle.start()
        let (answer, closedByPeer) = await connection.readUntilClosed()
        #expect(answer.hasPrefix("HTTP/1.1 408"), "answer: \(answer.prefix(300))")
        #expect(answer.contains(#""code":"body-timeout""#))
        #expect(answer.lowercased().contains("connection: close"))
        // Answered before the body could have arrived (a whole body would have been decided),
        // and the service closed the connection (the read did not end at its own 10 s timeout).
        #expect(closedByPeer)

        // The service still answers others.
        let (status, output) = try await LiveServer.run(
            "/usr/bin/curl", ["-s", "-d", Self.request, server.url + "/v1/decide"])
        #expect(status == 0)
        #expect(output.contains(#""decision":"allow""#))
    }

    @Test("connections opened and left idle do not keep others out, and are closed at --idle-timeout")
    func idleConnectionsAreClosed() async throws {
        let server = try await LiveServer(["--policies", Self.policies, "--idle-timeout", "1"])
        defer { server.terminate() }
        let idle = try (0..<64).map { _ in try RawConnection(port: server.port, readTimeout: 15) }
        let (status, output) = try await LiveServer.run(
            "/usr/bin/curl", ["-s", "--max-time", "5", "-d", Self.request, server.url + "/v1/decide"])
        #expect(status == 0)
        #expect(output.contains(#""decision":"allow""#))
        // The service closes each silent connection itself: every read ends because the peer
        // closed it, with nothing received, not because the 15 s read timeout ran out.
        for connection in idle {
            let answer = await connection.readUntilClosed()
            #expect(answer.closedByPeer && answer.text.isEmpty, "\(answer)")
        }
    }

    @Test("200 clients connected at once are each answered")
    func manyClientsAtOnceAreAllAnswered() async throws {
        let server = try await LiveServer(["--policies", Self.policies])
        defer { server.terminate() }
        let request = Self.request
        // Every client connects and sends before any answer is read.
        let clients = try (0..<200).map { _ in
            let connection = try RawConnection(port: server.port)
            connection.send(
                "POST /v1/decide HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: \(request.utf8.count)\r\n\r\n\(request)"
            )
            return connection
        }
        var answers: [String] = []
        for client in clients { answers.append(await client.readToEnd()) }
        #expect(answers.filter { $0.hasPrefix("HTTP/1.1 200") && $0.contains(#""decision":"allow""#) }.count == 200)
    }
}
