import Hummingbird

/// Reads a request body within ``RequestLimits``: no more than `maxBody` bytes, and no longer
/// than `bodyTimeout`, so a client that trickles its body in cannot hold a handler forever.
enum BodyReader {
    /// Why a body was not read.
    enum Failure: Error {
        /// The body is larger than the limit.
        case tooLarge
        /// The body did not arrive within the time limit.
        case timedOut
        /// The connection failed while the body was read.
        case unreadable(any Error)
    }

    /// The whole body of `request`.
    static func read(_ request: Request, within limits: RequestLimits) async throws(Failure) -> ByteBuffer {
        let result = await withTaskGroup(of: Result<ByteBuffer, Failure>?.self) { group in
            group.addTask {
                var request = request
                do {
                    return .success(try await request.collectBody(upTo: limits.maxBody))
                } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                    return .failure(.tooLarge)
                } catch {
                    return .failure(.unreadable(error))
                }
            }
            group.addTask {
                // Cancelled (and then ignored) when the body arrives first.
                do { try await Task.sleep(for: limits.bodyTimeout) } catch { return nil }
                return .failure(.timedOut)
            }
            // The first answer wins; cancelling the other ends a slow read (the connection's
            // inbound stream finishes) or the timer.
            var first: Result<ByteBuffer, Failure>?
            while first == nil, let next = await group.next() {
                first = next
            }
            group.cancelAll()
            return first ?? .failure(.timedOut)
        }
        return try result.get()
    }
}
