extension Int {
    /// The integer equal to `value`, or nil when `value` is NaN, infinite, fractional or outside
    /// `Int`'s range. Every Double→Int conversion goes through this: `Int(_:)` traps on those inputs,
    /// and they come from documents and request bodies anyone can write (`1e300`, `a[Infinity]`).
    public init?(checked value: Double) {
        guard value.isFinite, value.rounded() == value,
              value >= -9_223_372_036_854_775_808.0, value < 9_223_372_036_854_775_808.0 else { return nil }
        self.init(value)
    }
}
