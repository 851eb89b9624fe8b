import Benchmark
import WardenGateway
import WardenPolicy
import WardenRuntime
import WardenValue

/// One guarded call through the gateway with nothing behind it (``NoOpRuntime``, a discarding
/// sink): the price of authorization plus record building. 1,000 calls per iteration; figures
/// per call. The evaluation-only rows split that price.
func authorizationBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .nanoseconds, scalingFactor: .kilo,
        maxDuration: .seconds(3))

    gatewayCall("send allowed", configuration) { rig in
        try await rig.gateway.send(rig.peer, topic: "ping", payload: ["job", 1], caller: rig.worker)
    }
    gatewayCall("send denied", configuration) { rig in
        do throws(ProcessError) {
            try await rig.gateway.send(rig.peer, topic: "admin.reset", payload: [], caller: rig.worker)
        } catch  where error.kind == .permissionDenied {
            return
        }
        throw ProcessError(.internal, "the admin topic was not denied")
    }
    gatewayCall("spawn_linked allowed (3 checks)", configuration) { rig in
        _ = try await rig.gateway.spawn(
            SpawnRequest(definition: "app.workers:handler", host: "app:workers", args: [1], mode: .linked),
            caller: rig.supervisor)
    }

    // The evaluation step alone, as the gateway does it per call: resolve the caller's scope
    // (a cache hit), then evaluate the one `process.send` request.
    let policies = BenchmarkPolicies.load()
    let request = AuthorizationRequest(
        actor: BenchmarkPolicies.worker.actor, action: "process.send", resource: "{app:workers|0x00000002}",
        meta: ["pid": "{app:workers|0x00000001}", "op": "process.send", "topic": "ping"])
    let spec = ScopeSpec(policies: [], groups: ["app.security:workers"])
    Benchmark("Authorize evaluate send check", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let scope = try? policies.resolve(spec).get()
            blackHole(policies.authorize(request, scope: scope))
        }
    }
    // The same with the scope resolved once, as a caller could keep it per process: the
    // difference is what resolving (normalizing the spec, the cache lookup) costs per call.
    let resolved = try? policies.resolve(spec).get()
    Benchmark("Authorize evaluate send check, scope kept", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(policies.authorize(request, scope: resolved))
        }
    }
}

/// Registers a benchmark making 1,000 gateway calls per iteration with `call`.
private func gatewayCall(
    _ name: String, _ configuration: Benchmark.Configuration,
    _ call: @escaping @Sendable (AuthorizationRig) async throws -> Void
) {
    let fixture = Fixture<AuthorizationRig>()
    Benchmark("Authorize gateway \(name)", configuration: configuration) { benchmark, rig in
        for _ in benchmark.scaledIterations { try await call(rig) }
    } setup: {
        fixture.set(AuthorizationRig())
    } teardown: {
        await fixture.take()?.close()
    }
}
