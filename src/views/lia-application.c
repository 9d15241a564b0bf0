/* lia-application.c — the Liaison application
 *
 * Opens the book named on the command line (or the default one), applies
 * the person's settings to it, and shows the main window; a book that
 * cannot be opened gets a dialog that says why, and nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lia-application.h"
#include "lia-bench-hooks.h"
#include "lia-book.h"
#include "lia-notifier.h"
#include "lia-preferences-window.h"
#include "lia-views.h"
#include "lia-window.h"

struct _LiaApplication
{
  AdwApplication  parent_instance;

  char           *data_dir;
  LiaBook        *book;
  GSettings      *settings;
  LiaNotifier    *notifier;
};

G_DEFINE_FINAL_TYPE (LiaApplication, lia_application, ADW_TYPE_APPLICATION)

static int
lia_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  LiaApplication *self = LIA_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("liaison %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "data-dir", "^ay", &self->data_dir))
    /* Another book than the default: do not hand over to a running
     * instance that has its own book open. */
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
apply_user_name (LiaApplication *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "user-name");

  /* Empty means the system's real name, which the book falls back to. */
  if (self->book != NULL)
    lia_book_set_actor (self->book, name);
}

static void
show_open_error (LiaApplication *self,
                 const char     *path,
                 const GError   *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Cannot Open the Book"), NULL);
  /* The model's message already names the file; repeat it only if not. */
  if (strstr (error->message, path) != NULL)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", path, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  /* Closing the only window ends the application. */
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
book_path (LiaApplication *self)
{
  g_autofree char *default_dir = NULL;

  if (self->data_dir != NULL)
    return lia_book_path_for_data_dir (self->data_dir);

  default_dir = lia_book_default_data_dir ();
  return lia_book_path_for_data_dir (default_dir);
}

static gboolean
open_book (LiaApplication *self)
{
  g_autofree char *path = book_path (self);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  /* The folder may be new; the file itself is the model's to create. */
  g_mkdir_with_parents (dir, 0700);

  if (!(self->book = lia_book_open (path, &error)))
    {
      g_debug ("%s", error->message);
      show_open_error (self, path, error);
      return FALSE;
    }

  apply_user_name (self);
  return TRUE;
}

static void
lia_application_activate (GApplication *app)
{
  LiaApplication *self = LIA_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->book == NULL && !open_book (self))
    return;

  window = GTK_WINDOW (lia_window_new (GTK_APPLICATION (app), self->book));
  lia_bench_hooks_attach (LIA_WINDOW (window));
  gtk_window_present (window);

  if (self->notifier == NULL)
    self->notifier = lia_notifier_new (app, self->book);
}

/* The window a notification's item opens in, created if need be. */
static LiaWindow *
main_window (LiaApplication *self)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  return LIA_IS_WINDOW (window) ? LIA_WINDOW (window) : NULL;
}

static void
open_meeting_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  LiaWindow *window = main_window (LIA_APPLICATION (user_data));
  gint64 meeting_id, recurrence_id;

  g_variant_get (parameter, "(xx)", &meeting_id, &recurrence_id);
  if (window != NULL)
    lia_window_open_meeting (window, meeting_id, recurrence_id);
}

static void
open_follow_up_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LiaWindow *window = main_window (LIA_APPLICATION (user_data));

  if (window != NULL)
    lia_window_show_follow_up (window, g_variant_get_int64 (parameter));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LiaApplication *self = LIA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (lia_preferences_window_new (parent, self->book)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  const char *developers[] = { _("The Liaison developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  /* Translators: the version of a development build, e.g. "0.4.0 (Development)" */
  g_autofree char *version = DEVELOPMENT_BUILD ? g_strdup_printf (_("%s (Development)"), PACKAGE_VERSION)
                                               : g_strdup (PACKAGE_VERSION);

  adw_show_about_window (parent,
                         "application-name", _("Liaison"),
                         "application-icon", APP_ID,
                         "version", version,
                         "comments", _("Keep track of your corporate accounts: who they are, where they stand, and what they asked."),
                         "developers", developers,
                         "copyright", "© 2026 The Liaison developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  /* What desktop notifications open */
  { "open-meeting", open_meeting_action, "(xx)" },
  { "open-follow-up", open_follow_up_action, "x" },
};

/* Every one of these is listed in ui/help-overlay.ui (test-window checks). */
static void
set_accels (GtkApplication *app)
{
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    /* GtkWindow's own action; in every window of the app */
    { "window.close", { "<Control>w", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new-account", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.new-group", { "<Control><Shift>n", NULL } },
    { "win.show-area::accounts", { "<Alt>1", NULL } },
    { "win.show-area::portfolios", { "<Alt>2", NULL } },
    { "win.show-area::timeline", { "<Alt>3", NULL } },
    { "win.show-area::workload", { "<Alt>4", NULL } },
    { "win.show-area::coverage", { "<Alt>5", NULL } },
    { "win.show-area::vendors", { "<Alt>6", NULL } },
    { "win.show-area::calendar", { "<Alt>7", NULL } },
    { "win.show-area::follow-ups", { "<Alt>8", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
lia_application_startup (GApplication *app)
{
  LiaApplication *self = LIA_APPLICATION (app);

  G_APPLICATION_CLASS (lia_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  set_accels (GTK_APPLICATION (app));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::user-name",
                           G_CALLBACK (apply_user_name), self, G_CONNECT_SWAPPED);
}

static void
lia_application_dispose (GObject *object)
{
  LiaApplication *self = (LiaApplication *)object;

  g_clear_object (&self->notifier);
  g_clear_object (&self->book);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lia_application_parent_class)->dispose (object);
}

static void
lia_application_finalize (GObject *object)
{
  LiaApplication *self = (LiaApplication *)object;

  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (lia_application_parent_class)->finalize (object);
}

static void
lia_application_class_init (LiaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lia_application_dispose;
  object_class->finalize = lia_application_finalize;
  app_class->handle_local_options = lia_application_handle_local_options;
  app_class->startup = lia_application_startup;
  app_class->activate = lia_application_activate;

  /* Before startup, which loads style.css and the shortcuts window. */
  lia_views_init ();
}

static void
lia_application_init (LiaApplication *self)
{
  static const GOptionEntry options[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the book in DIR instead of the default one"), N_("DIR") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

LiaApplication *
lia_application_new (void)
{
  return g_object_new (LIA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
