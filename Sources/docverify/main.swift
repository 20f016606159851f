import CLI

// Before anything else: a crash must end the process at once, never hang in the backtracer.
CrashGuard.install()
// Large request bodies freed go back to the system (peak memory of `run` with big payloads).
LargeAllocations.install()
await DocverifyCommand.entry()
