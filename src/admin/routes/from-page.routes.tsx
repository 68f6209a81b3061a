import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../app.js';
import { getSettings } from '../../content/index.js';
import type { ExtractedArticle } from '../../ingest/extract-html.js';
import { invalidInput } from '../../lib/app-error.js';
import { formatDate } from '../../lib/dateline.js';
import { renderAdminPage } from '../admin-context.js';
import { actor } from '../auth.js';
import { redirectWithFlash } from '../flash.js';
import { FromPagePage } from '../pages/from-page-page.js';
import type { FormProblem } from '../pages/manage-kit.js';
import type { UploadedFile } from './media.api.js';
import { attempt, pageContext, sendAdminPage } from './taxonomy.routes.js';

interface FromPageForm {
  url?: unknown;
  text?: unknown;
  file?: UploadedFile;
}

/** "From a page" (see FromPagePage): anyone who may write a draft may start one from a page. */
export function fromPageRoutes(app: FastifyInstance, services: AppServices): void {
  function page(
    request: FastifyRequest,
    reply: FastifyReply,
    problem: FormProblem,
    status: number,
    values: { url?: string; text?: string },
  ) {
    return renderAdminPage(services, request, reply, { status }, (ctx) => (
      <FromPagePage ctx={ctx} problem={problem} values={values} />
    ));
  }

  app.get('/admin/articles/from-page', async (request, reply) => {
    const { ctx, error } = await pageContext(services, request, reply);
    return sendAdminPage(reply, <FromPagePage ctx={ctx} problem={error} />);
  });

  app.post(
    '/admin/articles/from-page',
    { config: { form: ['url', 'file', 'text'] } },
    async (request, reply) => {
      const form = (request.body ?? {}) as FromPageForm;
      const url = typeof form.url === 'string' ? form.url.trim() : '';
      const text = typeof form.text === 'string' ? form.text : '';
      const file =
        form.file && typeof form.file === 'object' && 'filename' in form.file ? form.file : undefined;
      const { timeZone } = await getSettings(services.db);
      const result = await attempt(async () => {
        // Loaded when first used: Readability and linkedom stay out of workers that only serve readers.
        const { draftFromPage, extractFromFile, extractFromPaste, extractFromUrl } =
          await import('../../ingest/extract.js');
        const given = [url && 'an address', file && 'a file', text.trim() && 'pasted text'].filter(Boolean);
        if (given.length !== 1)
          throw invalidInput(
            given.length ? 'form' : 'url',
            given.length
              ? `give one way in, not ${given.join(' and ')}: clear the others`
              : 'give the page’s address, a saved page or its pasted text',
          );
        let extracted: ExtractedArticle;
        if (url) extracted = await extractFromUrl(url, services.outbound, timeZone);
        else if (file) {
          if ('tooLarge' in file)
            throw invalidInput('file', `"${file.filename}" is too large: a page may be at most 15 MB`);
          extracted = extractFromFile(file.data, file.filename, timeZone);
        } else extracted = extractFromPaste(text, timeZone);
        return {
          article: await draftFromPage(services.content, actor(request), extracted, url || undefined),
          extracted,
        };
      });
      if (!result.ok) {
        // "form: …" is about the whole form, not one field.
        const problem =
          result.problem.field === 'form'
            ? { message: result.problem.message.replace(/^form: /, '') }
            : result.problem;
        return page(request, reply, problem, result.status, { url, text });
      }
      const { article, extracted } = result.value;
      const from = [
        extracted.byline && `by ${extracted.byline}`,
        extracted.published && `published ${formatDate(extracted.published, timeZone, 'D MMMM YYYY')}`,
      ]
        .filter(Boolean)
        .join(', ');
      const pictures = extracted.body.content.filter((block) => block.type === 'image').length;
      const left = [
        pictures ? `${pictures === 1 ? 'its picture' : `its ${pictures} pictures`} (the other outlet's)` : '',
        ...extracted.dropped.filter((d) => /^an? (embedded|video|sound)/.test(d)),
      ].filter(Boolean);
      return redirectWithFlash(reply, `/admin/articles/${article.id}/edit`, {
        notice: `A draft from ${url || file?.filename || 'the pasted text'}${from ? ` (${from})` : ''}: check it against the original, credit the source and write it in our own words.${left.length ? ` Left out: ${left.join('; ')}.` : ''}`,
      });
    },
  );
}
