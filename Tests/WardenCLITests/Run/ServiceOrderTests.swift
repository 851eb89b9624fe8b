import Testing
import WardenYAML

@testable import WardenRegistry

/// Which services `warden run` starts, in which levels, and how restarts are timed.
@Suite struct ServiceOrderTests {
    private func service(_ name: String, autoStart: Bool = true, requires: [String] = []) -> ServiceEntry {
        ServiceEntry(
            id: "app:\(name)", process: "app:main", host: "app:processes", autoStart: autoStart,
            restart: RestartPolicy(), security: nil, requires: requires.map { "app:\($0)" },
            mark: Mark(file: "app.yaml", line: 1, column: 1))
    }

    @Test func requirementsStartInEarlierLevelsAndAreStartedEvenWithoutAutoStart() {
        let order = ServiceOrder(services: [
            service("api", requires: ["db", "cache"]),
            service("db", autoStart: false),
            service("cache", requires: ["db", "database_entry_warden_does_not_run"]),
            service("report", autoStart: false),
            service("mailer"),
        ])
        #expect(order.levels.map { $0.map(\.id) } == [["app:db", "app:mailer"], ["app:cache"], ["app:api"]])
    }

    @Test func aCycleIsFoundAndLeftOutOfTheOrder() {
        let services = [service("a", requires: ["b"]), service("b", requires: ["c"]), service("c", requires: ["b"])]
        #expect(ServiceOrder.cycle(in: services) == ["app:b", "app:c", "app:b"])
        #expect(ServiceOrder(services: services).levels.flatMap { $0 }.isEmpty)
        #expect(ServiceOrder.cycle(in: [service("a", requires: ["b"]), service("b")]) == nil)
    }

    @Test func maxAttemptsZeroMeansNoLimitAndJitterStaysWithinItsFraction() {
        let unlimited = RestartPolicy(maxAttempts: 0)
        #expect(unlimited.allows(attempt: 1_000))
        let limited = RestartPolicy(maxAttempts: 2)
        #expect(limited.allows(attempt: 2) && !limited.allows(attempt: 3))
        let jittered = RestartPolicy(initialDelay: .seconds(10), jitter: 0.1)
        #expect(jittered.jitteredDelay(beforeAttempt: 1, random: 0) == .seconds(9))
        #expect(jittered.jitteredDelay(beforeAttempt: 1, random: 1) == .seconds(11))
        #expect(jittered.jitteredDelay(beforeAttempt: 2, random: 0.5) == .seconds(20))
    }
}
