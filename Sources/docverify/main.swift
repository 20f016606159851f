import CLI

// Inside an async function: in top-level code `DocverifyCommand.main()` resolves to the synchronous
// ParsableCommand entry point, which refuses async commands at run time.
func start() async {
    await DocverifyCommand.main()
}
await start()
