import Testing
@testable import Core

@Suite struct CheckedConversionTests {
    @Test func convertsWholeNumbersInRange() {
        #expect(Int(checked: 42.0) == 42)
        #expect(Int(checked: -7.0) == -7)
    }

    @Test func refusesValuesThatWouldTrap() {
        #expect(Int(checked: 1e300) == nil)
        #expect(Int(checked: -1e19) == nil)
        #expect(Int(checked: .infinity) == nil)
        #expect(Int(checked: -.infinity) == nil)
        #expect(Int(checked: .nan) == nil)
        #expect(Int(checked: 9_223_372_036_854_775_808.0) == nil)
        #expect(Int(checked: 1.5) == nil)
    }
}
