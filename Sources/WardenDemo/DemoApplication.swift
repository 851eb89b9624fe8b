import Foundation
import WardenLocalRuntime
import WardenRuntime
import WardenValue

/// The small application `warden demo` runs behind the gateway: a supervisor with a named cache
/// service and linked workers, a slow job cancelled with a deadline, a tenant job whose reach
/// beyond its own host is refused, and an operator that stops the supervisor.
public enum DemoApplication {
    /// The hosts of the demo: the application's, a worker pool and the tenants' sandbox.
    public static let hosts = [
        HostConfiguration(id: "app:processes", maxProcesses: 100),
        HostConfiguration(id: "app:workers", maxProcesses: 50),
        HostConfiguration(id: "app:tenants", maxProcesses: 10),
    ]

    /// The supervisor's security context (the operator starts it).
    public static let supervisor = SecurityContext(
        actor: Actor(id: "app:supervisor", meta: ["role": "supervisor"]),
        scope: SecurityScope(groups: ["app.security:supervisors"]))

    /// The tenant's security context.
    public static let tenant = SecurityContext(
        actor: Actor(id: "tenant:acme", meta: ["tier": "free"]),
        scope: SecurityScope(groups: ["app.security:tenants"]))

    /// The operator's security context.
    public static let operatorContext = SecurityContext(
        actor: Actor(id: "admin:ops", meta: ["role": "admin"]),
        scope: SecurityScope(groups: ["app.security:admins"]))

    /// Registers the hosts and definitions on `runtime`.
    public static func install(on runtime: LocalRuntime) {
        for host in hosts { runtime.addHost(host) }
        runtime.register("app:supervisor", body: supervisorBody)
        runtime.register(
            "app.workers:handler",
            security: DefinitionSecurity(
                actor: Actor(id: "app:worker", meta: ["role": "worker"]), groups: ["app.security:workers"]),
            body: workerBody)
        runtime.register("app.workers:slow", body: slowBody)
        runtime.register("app.services:cache", body: cacheBody)
        runtime.register("app.tenants:job", body: tenantBody)
        runtime.register("app.tenants:task", body: taskBody)
        runtime.register("admin:shutdown", body: operatorBody)
    }

    /// Registers its names, starts the cache and three linked workers, hands out jobs, cancels a
    /// slow job with a deadline, then waits for the operator's `shutdown` and stops everything.
    static let supervisorBody: ProcessBody = { context in
        try await context.register("app.supervisor")
        let cache = try await context.spawner().withName("app.cache")
            .spawn("app.services:cache", host: "app:processes")
        try await context.send("app.cache", topic: "put", payload: ["greeting", "hello from the cache"])
        var workers: [PID] = []
        for _ in 0..<3 {
            workers.append(try await context.spawnLinked("app.workers:handler", host: "app:workers"))
        }
        for (i, worker) in workers.enumerated() {
            try await context.send(worker, topic: "job", payload: [.int(i + 1)])
        }
        var total = 0
        for _ in workers {
            guard let reply = await context.inbox().receive(timeout: .seconds(5)),
                case .int(let n)? = reply.payload.first
            else { throw ProcessError(.internal, "a worker did not answer") }
            total += n
        }
        let slow = try await context.spawnMonitored("app.workers:slow", host: "app:workers")
        try await context.cancel(slow, deadline: try CancelDeadline(parsing: "200ms"))
        _ = await context.events().receive(timeout: .seconds(5))
        try await context.register("app.ready")
        _ = await context.inbox().receive(timeout: .seconds(10))
        for worker in workers { try await context.send(worker, topic: "stop", payload: []) }
        try await context.send(cache, topic: "stop", payload: [])
        return .int(total)
    }

    /// Doubles each job's number and sends it back; stops on `stop`.
    static let workerBody: ProcessBody = { context in
        while let message = await context.inbox().receive() {
            if message.topic == "stop" { break }
            if message.topic == "job", case .int(let n)? = message.payload.first, let from = message.from {
                try await context.send(from, topic: "done", payload: [.int(n * 2)])
            }
        }
        return .null
    }

    /// Ignores its cancel event and works on, so the runtime terminates it at the deadline.
    static let slowBody: ProcessBody = { _ in
        try await Task.sleep(for: .seconds(30))
        return .null
    }

    /// A key-value store answering `get` with `value`.
    static let cacheBody: ProcessBody = { context in
        var store: [String: Value] = [:]
        while let message = await context.inbox().receive() {
            switch message.topic {
            case "put" where message.payload.count == 2:
                if case .string(let key) = message.payload[0] { store[key] = message.payload[1] }
            case "get":
                if case .string(let key)? = message.payload.first, let from = message.from {
                    try await context.send(from, topic: "value", payload: [store[key] ?? .null])
                }
            case "stop":
                return .int(store.count)
            default:
                continue
            }
        }
        return .int(store.count)
    }

    /// A free-tier tenant's job: tries to stop the supervisor and to use the application's host
    /// (both refused), then does what it may: a task on its own host, and a message to it.
    static let tenantBody: ProcessBody = { context in
        var refused = 0
        if let supervisor = try? await context.lookup("app.supervisor") {
            do { try await context.terminate(supervisor) } catch { refused += 1 }
        }
        do { _ = try await context.spawn("app.tenants:task", host: "app:processes") } catch { refused += 1 }
        do { _ = try await context.spawnLinked("app.tenants:task", host: "app:tenants") } catch { refused += 1 }
        let task = try await context.spawn("app.tenants:task", host: "app:tenants")
        try? await context.send(task, topic: "hello", payload: ["from tenant"])
        return .int(refused)
    }

    /// Waits for one message (or a second), then finishes.
    static let taskBody: ProcessBody = { context in
        _ = await context.inbox().receive(timeout: .seconds(1))
        return .string("task done")
    }

    /// The operator tells the supervisor to shut down.
    static let operatorBody: ProcessBody = { context in
        try await context.send("app.supervisor", topic: "shutdown", payload: [])
        return .null
    }
}
