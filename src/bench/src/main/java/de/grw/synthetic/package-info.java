/**
 * Deterministic synthetic German population for benchmarks and sample data.
 *
 * <p>{@link de.grw.synthetic.PopulationGenerator#generate(GeneratorConfig)} writes four files into the output
 * directory; {@link de.grw.synthetic.GeneratorMain} is the command line ({@code --records N --out DIR --seed S
 * --population P}). Two population models: {@link de.grw.synthetic.Population#REALISTIC} (the default: households at
 * German rates with twins, juniors and grown children at home, several vehicles per keeper, errors in every office's
 * records) and {@link de.grw.synthetic.Population#CLASSIC} (the generator before issue 11, byte for byte).
 *
 * <table>
 *   <caption>Files</caption>
 *   <tr><th>File</th><th>Encoding</th><th>Delimiter, line end</th><th>Header</th></tr>
 *   <tr><td>melderegister.csv</td><td>UTF-8 with BOM</td><td>{@code ;} CRLF</td>
 *       <td>Ordnungsmerkmal;Familienname;Geburtsname;Vornamen;Doktorgrad;Geschlecht;Geburtsdatum;Geburtsort;
 *       Staatsangehörigkeit;Straße;Hausnummer;PLZ;Wohnort;Steuer-ID;Auskunftssperre</td></tr>
 *   <tr><td>sozialamt.csv</td><td>Windows-1252</td><td>{@code ;} CRLF</td>
 *       <td>Aktenzeichen;Name;Geb.-Datum;Anschrift;PLZ;Ort;Geschlecht;Steuer-ID</td></tr>
 *   <tr><td>kfz_halter.csv</td><td>UTF-8, no BOM</td><td>{@code ,} LF</td>
 *       <td>halter_nr,nachname,vorname,geburtsdatum,strasse,hausnr,plz,ort</td></tr>
 *   <tr><td>truth.csv</td><td>UTF-8, no BOM</td><td>{@code ,} LF</td><td>source,record_id,person_id,household_id,relation</td></tr>
 * </table>
 *
 * <p>Cells are quoted only where CSV requires it (delimiter, quote or line break in the value), except the sozialamt
 * {@code Name} cell ({@code "Nachname, Vorname"}), which is always quoted because it contains a comma. Record ids are
 * unique and ascending within a file: {@code Ordnungsmerkmal} nine digits, {@code Aktenzeichen} like
 * {@code 50.21-004711/2019}, {@code halter_nr} seven digits (more beyond two million vehicle records). Person ids in
 * the truth file look like {@code P0000042}, household ids like {@code H0000017}; the relation is one of
 * {@link de.grw.synthetic.Relation} in lower case ({@code head}, {@code spouse}, {@code partner}, {@code child},
 * {@code twin}, {@code junior}, {@code parent}, {@code other}). A person who recently left the family home keeps the
 * family's household id (and the relation {@code child}) while living at an address of their own.
 *
 * <p>The population models are in {@link de.grw.synthetic.RealisticHouseholds} and
 * {@link de.grw.synthetic.HouseholdFactory} (classic), the persons in {@link de.grw.synthetic.PersonMaker}, the source
 * conventions in the {@code *Format} classes, the errors of duplicates in {@link de.grw.synthetic.ErrorType} and the
 * errors of the realistic population's other records in {@link de.grw.synthetic.RecordNoise}.
 */
package de.grw.synthetic;
