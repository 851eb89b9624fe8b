import WardenGateway
import WardenPolicy
import WardenRuntime
import WardenValue

/// The policy set the gateway benchmarks decide with: the repository's `policies/` tree
/// (admins, supervisors, tenants, workers) grown to 21 policies the way an application's tree
/// grows, so a worker's `process.send` is looked at by several policies of its scope (one
/// allow, three denies whose conditions do not hold) and not by a lone rule.
enum BenchmarkPolicies {
    /// The host the ping-pong processes run on.
    static let host = "app:workers"

    /// The worker identity every ping-pong process and every benchmark call runs as.
    static let worker = SecurityContext(
        actor: Actor(id: "app:worker", meta: ["role": "worker", "tenant": "platform"]),
        scope: SecurityScope(groups: ["app.security:workers"]))

    /// The compiled set; stops the benchmark run when the text does not load.
    static func load() -> PolicySet {
        let result = PolicyLoader().load(yaml: yaml, file: "gateway-benchmarks.yaml")
        guard let set = result.policySet else {
            fatalError("benchmark policies do not load: \(result.errors.map(\.description))")
        }
        return set
    }

    /// A fresh store over ``load()``.
    static func store() -> PolicyStore {
        PolicyStore(load())
    }

    static let yaml = #"""
        version: "1.0"
        namespace: app.security
        meta: {owner: platform}
        entries:
          - name: admin_all
            kind: security.policy
            policy:
              actions: "*"
              resources: "*"
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: admin}]
            groups: [admins]

          - name: supervisor_spawn_workers
            kind: security.policy
            policy:
              actions: [process.spawn.*, process.exec]
              resources: [app.workers:*, app.services:*]
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: supervisor}]
            groups: [supervisors]
          - name: supervisor_hosts
            kind: security.policy
            policy:
              actions: process.host
              resources: [app:processes, app:workers]
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: supervisor}]
            groups: [supervisors]
          - name: supervisor_manage
            kind: security.policy
            policy:
              actions: [process.send, process.cancel, process.terminate, process.monitor, process.unmonitor, process.link, process.unlink]
              resources: ["{app:*"]
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: supervisor}]
            groups: [supervisors]
          - name: supervisor_registry
            kind: security.policy
            policy:
              actions: process.registry.*
              resources: app.*
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: supervisor}]
            groups: [supervisors]

          - name: tenant_jobs
            kind: security.policy
            policy:
              actions: [process.spawn.*, process.exec]
              resources: app.tenants:*
              effect: allow
              conditions: [{field: actor.id, operator: matches, value: "^tenant:[a-z0-9-]+$"}]
            groups: [tenants]
          - name: tenant_host
            kind: security.policy
            policy:
              actions: process.host
              resources: app:tenants
              effect: allow
              conditions: [{field: actor.meta.tier, operator: in, value: [free, pro]}]
            groups: [tenants]
          - name: tenant_messaging
            kind: security.policy
            policy:
              actions: [process.send, process.cancel, process.monitor]
              resources: ["{app:tenants|*"]
              effect: allow
            groups: [tenants]
          - name: free_tier_no_links
            kind: security.policy
            policy:
              actions: process.spawn.linked
              resources: "*"
              effect: deny
              conditions: [{field: actor.meta.tier, operator: eq, value: free}]
            groups: [tenants]
          - name: tenants_never_touch_app
            kind: security.policy
            policy:
              actions: [process.terminate, process.cancel, process.link]
              resources: ["{app:processes|*", "{app:workers|*"]
              effect: deny
              conditions: [{field: actor.id, operator: matches, value: "^tenant:"}]
            groups: [tenants]

          - name: worker_messaging
            kind: security.policy
            policy:
              actions: process.send
              resources: ["{app:*"]
              effect: allow
              conditions: [{field: actor.meta.role, operator: in, value: [worker, supervisor]}]
            groups: [workers, supervisors]
          - name: worker_no_admin_topics
            kind: security.policy
            policy:
              actions: process.send
              resources: "*"
              effect: deny
              conditions: [{field: topic, operator: matches, value: "^admin\\."}]
            groups: [workers, tenants]
          - name: worker_tenant_boundary
            kind: security.policy.expr
            policy:
              actions: [process.send, process.monitor]
              resources: ["{app:tenants|*"]
              effect: deny
              expression: 'actor.meta.tenant != "platform"'
            groups: [workers]
          - name: worker_quarantine
            kind: security.policy
            policy:
              actions: "*"
              resources: "*"
              effect: deny
              conditions: [{field: actor.meta.quarantined, operator: eq, value: true}]
            groups: [workers, tenants, supervisors]
          - name: worker_registry
            kind: security.policy
            policy:
              actions: process.registry.*
              resources: app.workers.*
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: worker}]
            groups: [workers]
          - name: worker_helpers
            kind: security.policy
            policy:
              actions: [process.spawn, process.spawn.monitored]
              resources: app.workers:helper_*
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: worker}]
            groups: [workers]
          - name: worker_hosts
            kind: security.policy
            policy:
              actions: process.host
              resources: app:workers
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: worker}]
            groups: [workers]
          - name: worker_watch_peers
            kind: security.policy.expr
            policy:
              actions: [process.monitor, process.unmonitor]
              resources: ["{app:workers|*"]
              effect: allow
              expression: 'actor.meta.role == "worker" && meta.pid startsWith "{app:workers|"'
            groups: [workers]

          - name: auditor_watch
            kind: security.policy
            policy:
              actions: [process.monitor, process.unmonitor]
              resources: "*"
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: auditor}]
            groups: [auditors]
          - name: ops_cancel
            kind: security.policy
            policy:
              actions: [process.cancel, process.terminate]
              resources: ["{app:workers|*", "{app:tenants|*"]
              effect: allow
              conditions: [{field: actor.meta.role, operator: in, value: [ops, admin]}]
            groups: [ops]
          - name: upgrade_freeze
            kind: security.policy
            policy:
              actions: process.upgrade
              resources: "*"
              effect: deny
              conditions: [{field: actor.meta.role, operator: ne, value: admin}]
            groups: [workers, supervisors, tenants, ops]
        """#
}
