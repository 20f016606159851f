import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The /proc reading the interrupt tests wait on before they send a signal.
@Suite struct SignalReadinessTests {
    @Test("SigCgt bits: SIGTERM is bit 15, SIGINT bit 2; a status without the line catches nothing")
    func readsTheCaughtMask() {
        let status = "Name:\tdocverify\nSigIgn:\t0000000000000004\nSigCgt:\t00000001000044fa\n"
        #expect(SignalReadiness.catches(SIGTERM, status: status))
        #expect(SignalReadiness.catches(SIGINT, status: status))
        #expect(!SignalReadiness.catches(SIGQUIT, status: status))
        #expect(!SignalReadiness.catches(SIGTERM, status: "SigCgt:\t0000000000000002\n"))
        #expect(!SignalReadiness.catches(SIGTERM, status: "Name:\tx\n"))
    }
}
