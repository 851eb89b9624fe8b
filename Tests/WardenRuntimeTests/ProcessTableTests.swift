import Testing
import WardenRuntime
import WardenValue

@testable import WardenLocalRuntime

/// The lifecycle state machine, driven directly: no tasks, no clocks.
@Suite(.timeLimit(.minutes(5))) struct ProcessTableTests {
    typealias Table = ProcessTable<Int>

    /// A table with one host (`limit` processes) and one definition `d`.
    func makeTable(limit: Int = 100) -> Table {
        var table = Table()
        table.addHost(HostConfiguration(id: "h", maxProcesses: limit))
        table.register(ProcessDefinition(id: "d") { _ in .null })
        return table
    }

    /// Admits and inserts a process whose handle is its counter.
    func add(_ table: inout Table, parent: PID? = nil, mode: SpawnMode = .plain, name: String? = nil) throws -> PID {
        let pid = try table.admit(host: "h")
        table.insert(pid, handle: Int(pid.counter), definition: "d", parent: parent, mode: mode, name: name)
        return pid
    }

    func stopped(_ effects: [ExitEffect<Int>]) -> [PID: ExitResult] {
        var out: [PID: ExitResult] = [:]
        for case .stopped(_, let pid, let result) in effects { out[pid] = result }
        return out
    }

    func notified(_ effects: [ExitEffect<Int>]) -> [(to: Int, event: ProcessEvent)] {
        effects.compactMap { if case .notify(let to, let event) = $0 { (to, event) } else { nil } }
    }

    @Test func pidsCountUpPerHostAndAreNeverReused() throws {
        var table = makeTable()
        let a = try add(&table)
        _ = table.exit(a, .value(.null))
        let b = try add(&table)
        #expect(a == PID(host: "h", counter: 1))
        #expect(b == PID(host: "h", counter: 2))
    }

    @Test func unknownHostIsNotFoundAndFullHostIsInvalid() throws {
        var table = makeTable(limit: 2)
        let unknown = #expect(throws: ProcessError.self) { try table.admit(host: "nope") }
        #expect(unknown?.kind == .notFound)
        let first = try add(&table)
        _ = try add(&table)
        let full = #expect(throws: ProcessError.self) { try table.admit(host: "h") }
        #expect(full?.kind == .invalid)
        #expect(full?.code == "host-full")
        _ = table.exit(first, .value(.null))
        #expect(throws: Never.self) { _ = try table.admit(host: "h") }
    }

    @Test func monitorsGetExitWithTheResultOnEveryExit() throws {
        var table = makeTable()
        let watcher = try add(&table)
        let normal = try add(&table, parent: watcher, mode: .monitored)
        let failing = try add(&table)
        try table.monitor(watcher: watcher, target: failing)

        let first = notified(table.exit(normal, .value(.int(7))))
        #expect(first.count == 1)
        #expect(first.first?.to == Int(watcher.counter))
        #expect(first.first?.event == ProcessEvent(kind: .exit, from: normal, result: .value(.int(7))))

        let second = notified(table.exit(failing, .error(.terminated)))
        #expect(second.map(\.event) == [ProcessEvent(kind: .exit, from: failing, result: .error(.terminated))])
        #expect(table.entry(watcher)?.monitoring.isEmpty == true)
    }

    @Test func unmonitoredTargetsSendNothing() throws {
        var table = makeTable()
        let watcher = try add(&table)
        let target = try add(&table)
        try table.monitor(watcher: watcher, target: target)
        try table.unmonitor(watcher: watcher, target: target)
        #expect(notified(table.exit(target, .error(.terminated))).isEmpty)
    }

    @Test func abnormalExitKillsNonTrappingLinksAndCascades() throws {
        var table = makeTable()
        let a = try add(&table)
        let b = try add(&table, parent: a, mode: .linked)
        let c = try add(&table, parent: b, mode: .linked)
        let effects = table.exit(a, .error(.terminated))
        #expect(
            stopped(effects) == [
                a: .error(.terminated), b: .error(.linkedProcessFailed), c: .error(.linkedProcessFailed),
            ])
        #expect(table.entries.isEmpty)
    }

    @Test func trappingLinksGetLinkDownAndSurvive() throws {
        var table = makeTable()
        let a = try add(&table)
        let b = try add(&table, parent: a, mode: .linked)
        try table.setTrapLinks(a, true)
        let effects = table.exit(b, .error(.terminated))
        #expect(stopped(effects).keys.sorted() == [b])
        #expect(notified(effects).map(\.event) == [ProcessEvent(kind: .linkDown, from: b, result: .error(.terminated))])
        #expect(table.entry(a)?.links.isEmpty == true)
    }

    @Test func normalExitJustRemovesLinks() throws {
        var table = makeTable()
        let a = try add(&table)
        let b = try add(&table, parent: a, mode: .linked)
        let effects = table.exit(b, .value(.null))
        #expect(notified(effects).isEmpty)
        #expect(stopped(effects).keys.sorted() == [b])
        #expect(table.entry(a)?.links.isEmpty == true)
    }

    @Test func linkingAndMonitoringNeedLiveDistinctProcesses() throws {
        var table = makeTable()
        let a = try add(&table)
        let gone = try add(&table)
        _ = table.exit(gone, .value(.null))
        #expect(throws: ProcessError.self) { try table.link(a, gone) }
        #expect(throws: ProcessError.self) { try table.monitor(watcher: a, target: gone) }
        #expect(throws: ProcessError.self) { try table.link(a, a) }
        #expect(throws: ProcessError.self) { try table.link(gone, a) }
    }

    @Test func namesAreReleasedOnExitAndConflictsAreRejected() throws {
        var table = makeTable()
        let a = try add(&table, name: "first")
        let b = try add(&table)
        try table.registerName("second", pid: a)
        try table.registerName("second", pid: a)
        let taken = #expect(throws: ProcessError.self) { try table.registerName("second", pid: b) }
        #expect(taken?.kind == .alreadyExists)
        #expect(table.entry(a)?.names == ["first", "second"])
        _ = table.exit(a, .value(.null))
        #expect(table.names.isEmpty)
        try table.registerName("first", pid: b)
        #expect(table.names["first"] == b)
    }

    @Test func upgradeIsTakenWhenTheBodyUnwindsAndResetsTrapLinks() throws {
        var table = makeTable()
        table.register(ProcessDefinition(id: "v2") { _ in .null })
        let a = try add(&table)
        try table.setTrapLinks(a, true)
        try table.scheduleUpgrade(a, to: try table.definition("v2"), args: [1])
        #expect(table.entry(a)?.trapLinks == false)
        guard case .upgrade(let upgrade) = table.bodyFinished(a, .value(.null)) else {
            Issue.record("the scheduled upgrade was not taken")
            return
        }
        #expect(upgrade.definition.id == "v2")
        #expect(upgrade.args == [1])
        guard case .exit(let effects) = table.bodyFinished(a, .value(.int(3))) else {
            Issue.record("a finished body without upgrade did not exit")
            return
        }
        #expect(stopped(effects) == [a: .value(.int(3))])
    }

    @Test func shutdownStopsEverythingAndRefusesNewProcesses() throws {
        var table = makeTable()
        let a = try add(&table, name: "x")
        let b = try add(&table, parent: a, mode: .linkedMonitored)
        let effects = table.shutDown()
        #expect(stopped(effects) == [a: .error(.runtimeShutDown), b: .error(.runtimeShutDown)])
        #expect(notified(effects).isEmpty)
        #expect(table.names.isEmpty)
        #expect(throws: ProcessError.self) { _ = try table.admit(host: "h") }
    }

    @Test func linkCascadeAcrossAThousandProcessesIsOneEvent() throws {
        var table = makeTable(limit: 2_000)
        var chain = [try add(&table)]
        for _ in 1..<1_000 {
            chain.append(try add(&table, parent: chain.last, mode: .linked))
        }
        let effects = table.exit(chain[500], .error(.terminated))
        #expect(stopped(effects).count == 1_000)
        #expect(table.hosts["h"]?.live == 0)
    }
}
