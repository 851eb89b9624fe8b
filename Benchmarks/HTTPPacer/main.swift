import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// An open-loop HTTP load generator: it posts a body at a constant rate over a pool of
/// keep-alive connections, whatever the server's answers do, and measures each request's
/// latency from the time it was scheduled to be sent. A server that falls behind is charged for
/// the time requests waited for a free connection, as wrk2 does (no coordinated omission);
/// wrk's `delay()` only spaces out the requests of each connection, so its rate drops with
/// the server's.
///
///     HTTPPacer HOST PORT PATH BODY_FILE RATE SECONDS [CONNECTIONS]
///
/// `RATE` `max` runs closed loop instead (each connection sends again as soon as it is
/// answered, as wrk does): the most this generator and the server reach together, the rate the
/// paced figure takes its 80 % of, since on a shared machine the generator's own CPU counts.
///
/// Prints one line for Benchmarks/http/run-wrk.sh:
/// `RESULT offered=R rps=R p50=µs p90=µs p99=µs max=µs sent_p99=µs errors=N`, where the
/// percentiles are from the scheduled time and `sent_p99` from the time a request was written.
@main
enum HTTPPacerMain {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 7, let port = Int(arguments[2]),
            let rate = arguments[5] == "max" ? 0 : Double(arguments[5]), rate >= 0,
            let seconds = Double(arguments[6]), seconds > 0,
            let body = FileManager.default.contents(atPath: arguments[4])
        else {
            FileHandle.standardError.write(
                Data("usage: HTTPPacer HOST PORT PATH BODY_FILE RATE SECONDS [CONNECTIONS]\n".utf8))
            exit(2)
        }
        let host = arguments[1]
        let connections = arguments.count > 7 ? Int(arguments[7]) ?? 64 : 64
        let head = HTTPRequestHead(
            version: .http1_1, method: .POST, uri: arguments[3],
            headers: [
                "Host": "\(host):\(port)", "Content-Type": "application/json", "Content-Length": String(body.count),
            ])

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let pacer = try loop.submit {
            NIOLoopBound(
                Pacer(
                    loop: loop, head: head, body: ByteBuffer(bytes: body), rate: rate,
                    duration: UInt64(seconds * 1e9)),
                eventLoop: loop)
        }.wait()
        for _ in 0..<connections {
            _ = try ClientBootstrap(group: loop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let connection = Connection(channel: channel)
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(
                            ResponseHandler(pacer: pacer.value, connection: connection))
                        pacer.value.connections.append(connection)
                    }
                }
                .connect(host: host, port: port).wait()
        }
        let result = try loop.flatSubmit { pacer.value.run() }.wait()
        print(result)
        try group.syncShutdownGracefully()
    }
}

/// One keep-alive connection and the scheduled time of the request it is answering.
final class Connection {
    let channel: Channel
    var scheduled: UInt64 = 0
    var sent: UInt64 = 0
    init(channel: Channel) { self.channel = channel }
}

/// The schedule and the measurements; confined to the one event loop every connection runs on.
final class Pacer {
    let loop: EventLoop
    let head: HTTPRequestHead
    let body: ByteBuffer
    let rate: Double
    let duration: UInt64
    var connections: [Connection] = []
    private var idle: [Connection] = []
    /// Scheduled send times of requests waiting for a free connection, oldest first.
    private var waiting: [UInt64] = []
    private var waitingHead = 0
    private var start: UInt64 = 0
    private var issued = 0
    private var inFlight = 0
    private var latencies: [UInt64] = []
    private var sentLatencies: [UInt64] = []
    private var errors = 0
    private var finished: EventLoopPromise<String>?
    private var ticker: RepeatedTask?

    init(loop: EventLoop, head: HTTPRequestHead, body: ByteBuffer, rate: Double, duration: UInt64) {
        self.loop = loop
        self.head = head
        self.body = body
        self.rate = rate
        self.duration = duration
    }

    /// Closed loop: each connection sends again as soon as it is answered, for `duration`.
    private var closedLoop: Bool { rate == 0 }
    private var total: Int { closedLoop ? latencies.count + inFlight : Int(Double(duration) / 1e9 * rate) }

    /// Starts the schedule; the future holds the result line once every request was answered
    /// (or given up on, 10 s after the last was scheduled).
    func run() -> EventLoopFuture<String> {
        let promise = loop.makePromise(of: String.self)
        finished = promise
        idle = connections
        latencies.reserveCapacity(total)
        sentLatencies.reserveCapacity(total)
        start = NIODeadline.now().uptimeNanoseconds
        let bound = NIOLoopBound(self, eventLoop: loop)
        loop.scheduleTask(in: .nanoseconds(Int64(duration)) + .seconds(10)) { bound.value.complete() }
        if closedLoop {
            for connection in connections { send(on: connection, scheduled: start) }
        } else {
            ticker = loop.scheduleRepeatedTask(initialDelay: .zero, delay: .microseconds(250)) { _ in
                bound.value.tick()
            }
        }
        return promise.futureResult
    }

    private func tick() {
        let elapsed = NIODeadline.now().uptimeNanoseconds - start
        let due = min(total, Int(Double(elapsed) / 1e9 * rate))
        while issued < due {
            waiting.append(start + UInt64(Double(issued) / rate * 1e9))
            issued += 1
        }
        dispatch()
        if issued == total { ticker?.cancel() }
    }

    private func dispatch() {
        while waitingHead < waiting.count, let connection = idle.popLast() {
            send(on: connection, scheduled: waiting[waitingHead])
            waitingHead += 1
        }
    }

    private func send(on connection: Connection, scheduled: UInt64) {
        connection.scheduled = scheduled
        connection.sent = NIODeadline.now().uptimeNanoseconds
        inFlight += 1
        let channel = connection.channel
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.write(HTTPClientRequestPart.body(.byteBuffer(body)), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
    }

    /// A connection's answer has ended.
    func answered(_ connection: Connection, ok: Bool) {
        let now = NIODeadline.now().uptimeNanoseconds
        latencies.append(now - connection.scheduled)
        sentLatencies.append(now - connection.sent)
        connection.scheduled = 0  // nothing in flight: a close from here on is no lost request
        if !ok { errors += 1 }
        inFlight -= 1
        if closedLoop {
            if now - start < duration { send(on: connection, scheduled: now) } else if inFlight == 0 { complete() }
            return
        }
        idle.append(connection)
        dispatch()
        if issued == total && inFlight == 0 && waitingHead == waiting.count { complete() }
    }

    /// A connection failed: its request counts as an error and the connection is not reused.
    func failed(_ connection: Connection) {
        if connection.scheduled != 0 {
            errors += 1
            inFlight -= 1
            connection.scheduled = 0
        }
        idle.removeAll { $0 === connection }
    }

    private func complete() {
        guard let promise = finished else { return }
        finished = nil
        ticker?.cancel()
        let elapsed = Double(NIODeadline.now().uptimeNanoseconds - start) / 1e9
        let offered = closedLoop ? "max" : String(Int(rate))
        let unanswered = total - latencies.count
        let sorted = latencies.sorted()
        let sentSorted = sentLatencies.sorted()
        func percentile(_ p: Double, _ values: [UInt64]) -> UInt64 {
            values.isEmpty ? 0 : values[min(values.count - 1, Int(p * Double(values.count)))] / 1_000
        }
        let line =
            "RESULT offered=\(offered) rps=\(Int(Double(latencies.count) / max(elapsed, Double(duration) / 1e9)))"
            + " p50=\(percentile(0.5, sorted)) p90=\(percentile(0.9, sorted)) p99=\(percentile(0.99, sorted))"
            + " max=\((sorted.last ?? 0) / 1_000) sent_p99=\(percentile(0.99, sentSorted))"
            + " errors=\(errors + unanswered)"
        for connection in connections { connection.channel.close(promise: nil) }
        promise.succeed(line)
    }
}

/// Reads one connection's answers and tells the pacer when each has ended.
final class ResponseHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    private let pacer: Pacer
    private let connection: Connection
    private var ok = false

    init(pacer: Pacer, connection: Connection) {
        self.pacer = pacer
        self.connection = connection
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): ok = head.status == .ok
        case .body: break
        case .end: pacer.answered(connection, ok: ok)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        pacer.failed(connection)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        pacer.failed(connection)
    }
}
