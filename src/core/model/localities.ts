/** A locality (area, patch, district) that staff are shared out to by need. */
export interface Locality {
  sourceRow: number;
  name: string;
  /** Children and young people aged 0–19. */
  population: number;
  /** Deprivation measure as a rate, e.g. the IDACI rate 0.20. */
  deprivation: number;
  /** Recent demand: referrals, open cases. */
  demand: number;
  cells: Partial<Record<"name" | "population" | "deprivation" | "demand", string>>;
  /** Its several rows' name cells, when its figures are those rows added up (its wards). */
  addedFrom?: string[];
}

export interface Localities {
  sheet: string;
  table?: string;
  range: string;
  localities: Locality[];
  /**
   * The deprivation column held IMD or IDACI deciles (1 = the most deprived tenth), read
   * as 11 − decile so that more deprived weighs more: its cells are not the figures.
   */
  deprivationFromDeciles?: true;
  /** The population column's heading as typed ("Resident population aged 0-17"), for its label. */
  populationHeading?: string;
}

/** One role of a roles table the analyst typed: its name and the FTE to share out. */
export interface TypedRole {
  name: string;
  fte: number;
  /** A1 address of its FTE cell. */
  cell?: string;
}

/** A roles table (Role | FTE) the analyst typed, whose roles are shared across the localities. */
export interface RolesTable {
  sheet: string;
  table?: string;
  range: string;
  /** A1 address of its FTE header. */
  fteHeader: string;
  roles: TypedRole[];
}
