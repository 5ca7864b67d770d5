import Foundation

/// What one check asked of the local models: premise–statement pairs read by the verifier and texts embedded. The
/// pipeline opens one per check as `ModelCalls.current`, so the model-backed stages of that check count into it; the
/// tally goes into the check's trace and /metrics.
public final class ModelCalls: @unchecked Sendable {
    /// The tally of the check running in this task, if any.
    @TaskLocal public static var current: ModelCalls?

    public struct Tally: Sendable, Codable, Equatable {
        public var verifierPairs = 0
        public var embeddedTexts = 0

        public init(verifierPairs: Int = 0, embeddedTexts: Int = 0) {
            self.verifierPairs = verifierPairs
            self.embeddedTexts = embeddedTexts
        }
    }

    private let lock = NSLock()
    private var counted = Tally()

    public init() {}

    public func verified(_ pairs: Int) { lock.withLock { counted.verifierPairs += pairs } }
    public func embedded(_ texts: Int) { lock.withLock { counted.embeddedTexts += texts } }

    public var tally: Tally { lock.withLock { counted } }
}
