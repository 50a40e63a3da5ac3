/** Messages of the Office.js adapter: progress labels and errors a person can act on. */
import { defineMessages } from '../../core/i18n/lang';

export const t = defineMessages({
  fi: {
    preparing: 'Valmistellaan työkirjaa…',
    writing: 'Kirjoitetaan taulukkoa {sheet}…',
    finishing: 'Viimeistellään…',
    reading: 'Luetaan taulukkoa {sheet}…',
    badSheetName: 'Taulukon nimi "{name}" ei kelpaa Excelille: {problem}.',
    duplicatePlan: 'Taulukko "{name}" on muutoksessa kahdesti.',
    tooManyRows: 'Taulukkoon "{sheet}" tulisi {rows} riviä, mutta Excelin taulukkoon mahtuu {max}. Rajaa hakua.',
    rowTooWide: 'Taulukon "{sheet}" rivi {row} on liian suuri kirjoitettavaksi Exceliin yhdellä kertaa.',
    sheetNotFound: 'Työkirjassa ei ole taulukkoa "{sheet}".',
    stateDamaged: 'Työkirjaan tallennetut Rajauksen tiedot ovat vioittuneet ({detail}).',
    finishEditing: 'Excel odottaa: lopeta solun muokkaus (Enter tai Esc) tai palaa tähän työkirjaan, niin Rajaus jatkaa.',
    stillEditing: 'Excel oli solun muokkaustilassa tai toinen työkirja oli valittuna liian kauan, joten vaihe peruttiin. Työkirja on ennallaan; yritä uudelleen.',
    cleanupFailed:
      'Vaihe keskeytyi ({detail}), eikä Rajaus saanut poistettua keskeneräisiä piilotaulukoita. Ne poistetaan, kun avaat Rajauksen tässä työkirjassa seuraavan kerran.',
    leftoversRemoved: 'Rajaus siivosi keskeytyneen vaiheen jäljet: poistettiin {removed} piilotaulukkoa, palautettiin {restored}.',
    restoredSheet: 'Palautettu',
    noRoomBelow: ({ sheet, rows, n, last, max }) =>
      `Taulukkoon "${sheet}" ei mahdu ${n === 1 ? 'yhtä riviä' : `${rows} riviä`} lisää: sen alapuolella on tietoja riville ${last} asti, ja Excelin taulukossa on ${max} riviä. Siirrä tai poista listan alla olevat tiedot ja yritä uudelleen.`,
    listPastEnd: 'Taulukon "{sheet}" lista ulottuisi Excelin viimeisen rivin ({max}) ohi. Rajaa listaa tai siirrä se taulukon alkuun.',
    printSetupSkipped: 'Tämä Excel-versio ei tue tulostusasetuksia (ExcelApi 1.9): taulukot tulostuvat Excelin oletusasetuksin.',
  },
  en: {
    preparing: 'Preparing the workbook…',
    writing: 'Writing sheet {sheet}…',
    finishing: 'Finishing…',
    reading: 'Reading sheet {sheet}…',
    badSheetName: 'The sheet name "{name}" is not valid in Excel: {problem}.',
    duplicatePlan: 'The sheet "{name}" appears twice in the change.',
    tooManyRows: 'Sheet "{sheet}" would have {rows} rows, but an Excel sheet holds {max}. Narrow the search.',
    rowTooWide: 'Row {row} of sheet "{sheet}" is too large to write into Excel in one request.',
    sheetNotFound: 'The workbook has no sheet "{sheet}".',
    stateDamaged: 'The Rajaus data saved in this workbook is damaged ({detail}).',
    finishEditing: 'Excel is waiting: finish editing the cell (Enter or Esc) or return to this workbook, and Rajaus continues.',
    stillEditing: 'Excel stayed in cell-edit mode, or another workbook kept the focus, for too long, so the step was cancelled. The workbook is as it was; try again.',
    cleanupFailed:
      'The step was interrupted ({detail}) and Rajaus could not remove its unfinished hidden sheets. They are removed the next time you open Rajaus in this workbook.',
    leftoversRemoved: 'Rajaus cleaned up after an interrupted step: {removed} hidden sheets removed, {restored} restored.',
    restoredSheet: 'Restored',
    noRoomBelow: ({ sheet, rows, n, last, max }) =>
      `Sheet "${sheet}" has no room for ${rows} more ${n === 1 ? 'row' : 'rows'}: there is data below the list down to row ${last}, and an Excel sheet has ${max} rows. Move or delete what is below the list and try again.`,
    listPastEnd: 'The list on sheet "{sheet}" would reach past Excel\'s last row ({max}). Narrow the list or move it to the top of the sheet.',
    printSetupSkipped: 'This version of Excel does not support print setup (ExcelApi 1.9): sheets print with Excel’s default settings.',
  },
  sv: {
    preparing: 'Förbereder arbetsboken…',
    writing: 'Skriver bladet {sheet}…',
    finishing: 'Slutför…',
    reading: 'Läser bladet {sheet}…',
    badSheetName: 'Bladnamnet "{name}" godkänns inte av Excel: {problem}.',
    duplicatePlan: 'Bladet "{name}" förekommer två gånger i ändringen.',
    tooManyRows: 'Bladet "{sheet}" skulle få {rows} rader, men ett Excel-blad rymmer {max}. Avgränsa sökningen.',
    rowTooWide: 'Rad {row} på bladet "{sheet}" är för stor för att skrivas till Excel på en gång.',
    sheetNotFound: 'Arbetsboken har inget blad "{sheet}".',
    stateDamaged: 'Rajaus-uppgifterna i arbetsboken är skadade ({detail}).',
    finishEditing: 'Excel väntar: avsluta redigeringen av cellen (Enter eller Esc) eller gå tillbaka till den här arbetsboken, så fortsätter Rajaus.',
    stillEditing: 'Excel var i redigeringsläge eller en annan arbetsbok hade fokus för länge, så steget avbröts. Arbetsboken är oförändrad; försök igen.',
    cleanupFailed:
      'Steget avbröts ({detail}) och Rajaus kunde inte ta bort sina ofärdiga dolda blad. De tas bort nästa gång du öppnar Rajaus i den här arbetsboken.',
    leftoversRemoved: 'Rajaus städade efter ett avbrutet steg: {removed} dolda blad borttagna, {restored} återställda.',
    restoredSheet: 'Återställt',
    noRoomBelow: ({ sheet, rows, n, last, max }) =>
      `Bladet "${sheet}" har inte plats för ${rows} ${n === 1 ? 'rad' : 'rader'} till: det finns data under listan ända till rad ${last}, och ett Excel-blad har ${max} rader. Flytta eller ta bort det som finns under listan och försök igen.`,
    listPastEnd: 'Listan på bladet "{sheet}" skulle gå förbi Excels sista rad ({max}). Avgränsa listan eller flytta den till början av bladet.',
    printSetupSkipped: 'Den här Excel-versionen stöder inte utskriftsinställningar (ExcelApi 1.9): bladen skrivs ut med Excels standardinställningar.',
  },
});
