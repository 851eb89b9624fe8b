import WardenPolicy

/// A candidate policy set for replaying the large data set: the scope its records name
/// (`app.security:base` and the group `app.security:default`) with the kind of rules an
/// application has for those calls (role conditions, prefix globs, a topic deny, an expression
/// policy), written so that some recorded decisions change.
enum ReplayPolicies {
    /// The compiled set; stops the benchmark run when the text does not load.
    static func load() -> PolicySet {
        let result = PolicyLoader().load(yaml: yaml, file: "replay-benchmarks.yaml")
        guard let set = result.policySet else {
            fatalError("replay benchmark policies do not load: \(result.errors.map(\.description))")
        }
        return set
    }

    static let yaml = #"""
        version: "1.0"
        namespace: app.security
        entries:
          - name: base
            kind: security.policy
            policy:
              actions: document.read
              resources: doc:*
              effect: allow
              conditions: [{field: actor.meta.tenant, operator: eq, value: acme}]

          - name: send_allowed
            kind: security.policy
            policy:
              actions: process.send
              resources: ["{app:processes|*"]
              effect: allow
              conditions: [{field: actor.meta.role, operator: in, value: [dev, admin]}]
            groups: [default]
          - name: no_admin_topics
            kind: security.policy
            policy:
              actions: process.send
              resources: "*"
              effect: deny
              conditions: [{field: topic, operator: matches, value: "^admin\\."}]
            groups: [default]
          - name: tenant_boundary
            kind: security.policy.expr
            policy:
              actions: [process.send, process.terminate]
              resources: ["{app:*"]
              effect: deny
              expression: 'actor.meta.tenant != "acme"'
            groups: [default]
          - name: spawn_allowed
            kind: security.policy
            policy:
              actions: [process.spawn, process.spawn.*]
              resources: app.workers:*
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: dev}]
            groups: [default]
          - name: host_allowed
            kind: security.policy
            policy:
              actions: process.host
              resources: [app:processes, app:workers]
              effect: allow
            groups: [default]
          - name: terminate_allowed
            kind: security.policy
            policy:
              actions: process.terminate
              resources: ["{app:processes|*"]
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: admin}]
            groups: [default]
          - name: register_allowed
            kind: security.policy
            policy:
              actions: process.registry.*
              resources: svc.*
              effect: allow
            groups: [default]
          - name: quarantine
            kind: security.policy
            policy:
              actions: "*"
              resources: "*"
              effect: deny
              conditions: [{field: actor.meta.quarantined, operator: eq, value: true}]
            groups: [default]
          - name: upgrade_freeze
            kind: security.policy
            policy:
              actions: process.upgrade
              resources: "*"
              effect: deny
              conditions: [{field: actor.meta.role, operator: ne, value: admin}]
            groups: [default]
        """#
}
