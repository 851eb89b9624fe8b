import Synchronization
import WardenRuntime
import WardenValue

/// How many idle processes have reached their first wait.
let idleWaiting = Atomic<Int>(0)

/// A body that counts itself in ``idleWaiting`` and waits until its inbox ends.
let idleBody: ProcessBody = { ctx in
    let inbox = ctx.inbox()
    idleWaiting.add(1, ordering: .relaxed)
    _ = await inbox.receive()
    return .null
}
