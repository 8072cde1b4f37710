print("muster-bench: not yet")
