import Synchronization
import Testing
import WardenLocalRuntime
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(5))) struct ProcessExecutorTests {
    /// A process that never suspends must not hide the process it just woke: an idle worker
    /// steals the queued job.
    @Test func aBusyWorkerDoesNotStarveTheJobQueuedBehindIt() async throws {
        let executor = ProcessExecutor(workers: 2)
        let flag = AtomicFlag()
        let responder = ProcessDefinition(id: "test:responder") { ctx in
            _ = await ctx.inbox().receive()
            flag.set()
            return .null
        }
        let spinner = ProcessDefinition(id: "test:spinner") { ctx in
            let responder = try await ctx.spawn("test:responder", host: testHost)
            try await ctx.send(responder, topic: "wake")
            // Spin without suspending until the responder has run (or give up after 60 s).
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(60)
            while !flag.isSet, clock.now < deadline {}
            return .bool(flag.isSet)
        }
        let runtime = LocalRuntime(
            hosts: [HostConfiguration(id: testHost, maxProcesses: 10)], definitions: [responder, spinner],
            executor: executor)
        let handle = try await runtime.start(StartRequest(definition: "test:spinner", host: testHost))
        #expect(try await handle.result() == .value(true))
        await runtime.shutdown()
    }

    @Test func manyProcessesOnAFewWorkersAllFinish() async throws {
        let executor = ProcessExecutor(workers: 3)
        let worker = ProcessDefinition(id: "test:worker") { ctx in
            var sum = 0
            for n in 0..<100 {
                sum += n
                if n % 10 == 0 { await Task.yield() }
            }
            return .int(sum)
        }
        let root = ProcessDefinition(id: "test:fan-out") { ctx in
            for _ in 0..<2_000 { _ = try await ctx.spawnMonitored("test:worker", host: testHost) }
            var total = 0
            let events = ctx.events()
            for _ in 0..<2_000 {
                if case .value(.int(let n))? = await events.receive()?.result { total += n }
            }
            return .int(total)
        }
        let runtime = LocalRuntime(
            hosts: [HostConfiguration(id: testHost, maxProcesses: 5_000)], definitions: [worker, root],
            executor: executor)
        let handle = try await runtime.start(StartRequest(definition: "test:fan-out", host: testHost))
        #expect(try await handle.result() == .value(.int(2_000 * 4_950)))
        await runtime.shutdown()
    }

    @Test func theGlobalExecutorCanRunProcessesToo() async throws {
        let double = ProcessDefinition(id: "test:double") { ctx in
            .int(2 * (ctx.args.first?.numericValue.map { Int($0) } ?? 0))
        }
        let runtime = LocalRuntime(
            hosts: [HostConfiguration(id: testHost, maxProcesses: 10)], definitions: [double], executor: nil)
        let handle = try await runtime.start(StartRequest(definition: "test:double", host: testHost, args: [21]))
        #expect(try await handle.result() == .value(42))
        await runtime.shutdown()
    }
}

/// An atomic flag process bodies can share.
final class AtomicFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}
