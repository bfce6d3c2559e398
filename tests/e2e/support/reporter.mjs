// Shared by the browser tests: filling a questionnaire on the reporter's
// no-JavaScript form (/report/<kind>) the way a person would.

// Answers every field of `questionnaire` (GET /api/v1/questionnaires/<kind>)
// on `page`: text fields get `textFor(field)`, an enum its first option, a
// multi-enum its first two, a year-month "2025-03".
export async function fillQuestionnaire(page, questionnaire, textFor) {
  for (const field of questionnaire.fields) {
    const id = `#field-${field.name}`;
    if (field.type === 'short_text' || field.type === 'long_text') {
      await page.fill(id, textFor(field));
    } else if (field.type === 'enum') {
      await page.check(`#field-${field.name}-${field.options[0].value}`);
    } else if (field.type === 'multi_enum') {
      for (const option of field.options.slice(0, 2)) await page.check(`#field-${field.name}-${option.value}`);
    } else if (field.type === 'year_month') {
      await page.fill(id, '2025-03');
    }
  }
}
