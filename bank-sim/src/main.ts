// bank-sim entry: see README (work in progress)
